import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGemini, type FakeGeminiServer } from "../../../test/fakes/google-upstream";
import type { ProviderConfig, UpstreamRequestInput } from "../types";
import { googleAdapter } from "./index";

const provider: ProviderConfig = { type: "google", slug: "gemini", credentials: { apiKey: "provider-key" } };

function input(overrides: Partial<UpstreamRequestInput> = {}): UpstreamRequestInput {
  return {
    method: "POST",
    path: "v1beta/models/gemini-2.5-flash:streamGenerateContent",
    search: "?alt=sse",
    headers: new Headers({ "content-type": "application/json", "x-goog-api-client": "google-genai-sdk/1.52.0" }),
    body: new TextEncoder().encode("{}"),
    provider,
    ...overrides,
  };
}

describe("googleAdapter.requestInfo", () => {
  const cases: Array<[string, string, unknown, object]> = [
    [
      "v1beta/models/gemini-2.5-flash:generateContent",
      "",
      { contents: [], generationConfig: { maxOutputTokens: 256 } },
      { operation: "chat", model: "gemini-2.5-flash", stream: false, maxOutputTokens: 256 },
    ],
    ["v1beta/models/gemini-2.5-pro:streamGenerateContent", "?alt=sse", {}, { operation: "chat", model: "gemini-2.5-pro", stream: true }],
    ["v1/models/gemini-2.0-flash:streamGenerateContent", "", null, { operation: "chat", model: "gemini-2.0-flash", stream: true }],
    ["v1beta/models/gemini-embedding-001:embedContent", "", {}, { operation: "embeddings", model: "gemini-embedding-001", stream: false }],
    ["v1beta/models/text-embedding-004:batchEmbedContents", "", {}, { operation: "embeddings", model: "text-embedding-004" }],
    ["v1beta/models/gemini-2.5-flash:countTokens", "", {}, { operation: "count_tokens", model: "gemini-2.5-flash" }],
    ["v1beta/models", "?pageSize=50", null, { operation: "list_models", stream: false }],
    ["/v1beta/models%2Fgemini-2.5-flash%3AgenerateContent", "", {}, { operation: "chat", model: "gemini-2.5-flash" }],
    ["v1beta/files", "", null, { operation: "other", stream: false }],
  ];
  for (const [path, search, json, expected] of cases) {
    it(`reads ${path}${search}`, () => {
      expect(googleAdapter.requestInfo(path, search, json)).toMatchObject(expected);
    });
  }

  it("ignores a non-numeric or missing output cap", () => {
    expect(googleAdapter.requestInfo("v1beta/models/m:generateContent", "", { generationConfig: { maxOutputTokens: "lots" } }).maxOutputTokens).toBeUndefined();
    expect(googleAdapter.requestInfo("v1beta/models/m:generateContent", "", "not an object").maxOutputTokens).toBeUndefined();
  });
});

describe("googleAdapter.buildUpstreamRequest", () => {
  it("appends path and query to the default base and authenticates with x-goog-api-key", async () => {
    const request = await googleAdapter.buildUpstreamRequest(input());
    expect(request.url).toBe(
      "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
    );
    expect(request.headers.get("x-goog-api-key")).toBe("provider-key");
    expect(request.headers.get("x-goog-api-client")).toBe("google-genai-sdk/1.52.0");
    expect(new TextDecoder().decode(request.body!)).toBe("{}");
  });

  it("never lets client credentials through", async () => {
    const headers = new Headers({ "x-goog-api-key": "client-key", authorization: "Bearer client", host: "gateway.local" });
    const request = await googleAdapter.buildUpstreamRequest(input({ headers }));
    expect(request.headers.get("x-goog-api-key")).toBe("provider-key");
    expect(request.headers.has("authorization")).toBe(false);
    expect(request.headers.has("host")).toBe(false);
  });

  it("uses a custom base URL, with or without a trailing slash", async () => {
    for (const baseUrl of ["http://127.0.0.1:9999", "http://127.0.0.1:9999/"]) {
      const request = await googleAdapter.buildUpstreamRequest(input({ provider: { ...provider, baseUrl }, search: "" }));
      expect(request.url).toBe("http://127.0.0.1:9999/v1beta/models/gemini-2.5-flash:streamGenerateContent");
    }
  });

  it("never lets a client path climb out of the base path with the provider's key", async () => {
    const tenantProvider = { ...provider, baseUrl: "http://127.0.0.1:9999/tenant/google" };
    const request = await googleAdapter.buildUpstreamRequest(input({ provider: tenantProvider, path: "../../admin/%2e%2e/v1beta/models", search: "" }));
    expect(request.url).toBe("http://127.0.0.1:9999/tenant/google/admin/v1beta/models");
  });
});

describe("googleAdapter streaming helpers", () => {
  it("knows a stream by its path even when the content type is JSON", () => {
    const info = googleAdapter.requestInfo("v1beta/models/m:streamGenerateContent", "", {});
    expect(googleAdapter.isStreamingResponse(info, "application/json")).toBe(true);
    const plain = googleAdapter.requestInfo("v1beta/models/m:generateContent", "", {});
    expect(googleAdapter.isStreamingResponse(plain, "application/json")).toBe(false);
    expect(googleAdapter.isStreamingResponse(plain, "text/event-stream")).toBe(true);
  });

  it("writes the in-stream error as Google's bare error body, with no SSE framing and no blank line", () => {
    const text = new TextDecoder().decode(googleAdapter.streamErrorEvent('upstream "died"'));
    // @google/genai raises only for a chunk that parses whole; a blank line would let a
    // chunk merged with earlier bytes pass as a finished event instead of failing.
    expect(text.startsWith("{")).toBe(true);
    expect(text).not.toContain("\n\n");
    expect(JSON.parse(text)).toEqual({
      error: { code: 500, message: 'upstream "died"', status: "INTERNAL" },
    });
  });
});

describe("googleAdapter.listModels", () => {
  let fake: FakeGeminiServer;
  beforeAll(async () => {
    fake = await startFakeGemini({ apiKey: "provider-key" });
  });
  afterAll(() => fake.close());

  it("lists generation and embedding models without the models/ prefix", async () => {
    fake.setBehaviour({ models: ["gemini-2.5-flash", "gemini-embedding-001"] });
    const names = await googleAdapter.listModels!({ ...provider, baseUrl: fake.url });
    expect(names).toEqual(["gemini-2.5-flash", "gemini-embedding-001"]);
    expect(fake.requests.at(-1)!.headers["x-goog-api-key"]).toBe("provider-key");
  });

  it("drops models the gateway cannot serve (image, live audio) and follows pages", async () => {
    const firstPage = JSON.parse(readFileSync(new URL("./fixtures/models.json", import.meta.url), "utf8")) as object;
    const server = createServer((request, response) => {
      const pageToken = new URL(request.url ?? "/", "http://local").searchParams.get("pageToken");
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify(
          pageToken === "page-2"
            ? { models: [{ name: "models/gemini-2.5-pro" }] } // no method list: kept
            : { ...firstPage, nextPageToken: "page-2" },
        ),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await googleAdapter.listModels!({ ...provider, baseUrl })).toEqual([
        "gemini-2.5-flash",
        "gemini-embedding-001",
        "gemini-2.5-pro",
      ]);
    } finally {
      server.close();
    }
  });

  it("returns null on an upstream error, a wrong key or no server", async () => {
    fake.setBehaviour({ status: 503 });
    expect(await googleAdapter.listModels!({ ...provider, baseUrl: fake.url })).toBeNull();
    fake.setBehaviour({});
    expect(await googleAdapter.listModels!({ ...provider, baseUrl: fake.url, credentials: { apiKey: "wrong" } })).toBeNull();
    expect(await googleAdapter.listModels!({ ...provider, baseUrl: "http://127.0.0.1:1" })).toBeNull();
  });
});
