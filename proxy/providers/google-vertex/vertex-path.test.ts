import { describe, expect, it } from "vitest";
import { vertexOrigin, vertexUpstreamPath } from "./vertex-path";

const target = { project: "acme-prod", location: "europe-west4" };
const publisher = "projects/acme-prod/locations/europe-west4/publishers/google/models";

describe("vertexUpstreamPath", () => {
  const cases: Array<[string, string]> = [
    ["v1beta/models/gemini-2.5-flash:generateContent", `v1/${publisher}/gemini-2.5-flash:generateContent`],
    ["v1/models/gemini-2.5-flash:streamGenerateContent", `v1/${publisher}/gemini-2.5-flash:streamGenerateContent`],
    ["/v1beta/models/gemini-embedding-001:embedContent", `v1/${publisher}/gemini-embedding-001:embedContent`],
    ["v1beta/models/gemini-2.5-pro:countTokens", `v1/${publisher}/gemini-2.5-pro:countTokens`],
    // What @google/genai sends in Vertex mode: the client's own project is replaced.
    [
      "v1beta1/projects/someone-else/locations/us-east1/publishers/google/models/gemini-2.5-flash:generateContent",
      `v1beta1/${publisher}/gemini-2.5-flash:generateContent`,
    ],
    ["v1beta1/publishers/google/models/gemini-2.5-flash:generateContent", `v1beta1/${publisher}/gemini-2.5-flash:generateContent`],
    ["v1beta/models", "v1beta1/publishers/google/models"],
    ["v1beta/models/gemini-2.5-flash", "v1beta1/publishers/google/models/gemini-2.5-flash"],
    ["v1/projects/other/locations/us-east1/cachedContents", "v1/projects/acme-prod/locations/europe-west4/cachedContents"],
    ["v1/operations/123", "v1/operations/123"],
  ];
  for (const [path, expected] of cases) {
    it(`rewrites ${path}`, () => {
      expect(vertexUpstreamPath(path, target)).toBe(expected);
    });
  }
});

describe("vertexOrigin", () => {
  it("uses the regional host, or the bare host for the global location", () => {
    expect(vertexOrigin("us-central1")).toBe("https://us-central1-aiplatform.googleapis.com");
    expect(vertexOrigin("global")).toBe("https://aiplatform.googleapis.com");
  });
});
