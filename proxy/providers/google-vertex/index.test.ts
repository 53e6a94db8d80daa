import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FAKE_VERTEX_PROJECT, startFakeGemini, type FakeGeminiServer } from "../../../test/fakes/google-upstream";
import { replayResponse } from "../test-support/feed-chunks";
import type { ProviderConfig, UpstreamRequestInput } from "../types";
import { clearAccessTokenCache, googleVertexAdapter } from "./index";

let fake: FakeGeminiServer;
let provider: ProviderConfig;

beforeAll(async () => {
  fake = await startFakeGemini();
  provider = { type: "google-vertex", slug: "vertex", baseUrl: fake.url, credentials: { serviceAccountJson: fake.serviceAccountJson() } };
});
afterAll(() => fake.close());
beforeEach(() => {
  clearAccessTokenCache();
  fake.tokenRequests.length = 0;
  fake.setTokenExpiresIn(3600);
  fake.setBehaviour({});
});

function input(overrides: Partial<UpstreamRequestInput> = {}): UpstreamRequestInput {
  return {
    method: "POST",
    path: "v1beta/models/gemini-2.5-flash:streamGenerateContent",
    search: "?alt=sse",
    headers: new Headers({ "content-type": "application/json", "x-goog-api-key": "gateway-key-leftover" }),
    body: new TextEncoder().encode(JSON.stringify({ contents: [{ role: "user", parts: [{ text: "Hi" }] }] })),
    provider,
    ...overrides,
  };
}

function decodeJwt(assertion: string) {
  const [header, claims] = assertion.split(".").slice(0, 2).map((part) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>);
  return { header: header!, claims: claims! };
}

describe("googleVertexAdapter.buildUpstreamRequest", () => {
  it("rewrites to the publisher path under a custom origin and sends a bearer token the upstream accepts", async () => {
    fake.setBehaviour({ usage: { inputTokens: 12, outputTokens: 30 }, replyText: "Bonjour tout le monde, comment allez-vous ?" });
    const request = await googleVertexAdapter.buildUpstreamRequest(input());
    expect(request.url).toBe(
      `${fake.url}/v1/projects/${FAKE_VERTEX_PROJECT}/locations/us-central1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse`,
    );
    expect(request.headers.get("authorization")).toMatch(/^Bearer ya29\.fake-/);
    expect(request.headers.has("x-goog-api-key")).toBe(false);

    const response = await fetch(request.url, { method: "POST", headers: request.headers, body: request.body as BodyInit | null });
    expect(response.status).toBe(200);
    const observer = googleVertexAdapter.createStreamObserver({ injectedUsage: false, contentType: response.headers.get("content-type") ?? "" });
    await replayResponse(observer, response);
    expect(observer.usage()).toMatchObject({ inputTokens: 12, outputTokens: 30, finishReasons: ["STOP"] });
    expect(observer.outputText()).toBe("Bonjour tout le monde, comment allez-vous ?");
  });

  it("fetches one token for many requests, concurrent ones included", async () => {
    for (let index = 0; index < 3; index++) await googleVertexAdapter.buildUpstreamRequest(input());
    const burst = await Promise.all(Array.from({ length: 10 }, () => googleVertexAdapter.buildUpstreamRequest(input())));
    expect(fake.tokenRequests).toHaveLength(1);
    expect(new Set(burst.map((request) => request.headers.get("authorization"))).size).toBe(1);
  });

  it("shares one in-flight fetch among concurrent first requests", async () => {
    await Promise.all(Array.from({ length: 10 }, () => googleVertexAdapter.buildUpstreamRequest(input())));
    expect(fake.tokenRequests).toHaveLength(1);
  });

  it("signs an RS256 JWT-bearer assertion for the cloud-platform scope, addressed to token_uri", async () => {
    await googleVertexAdapter.buildUpstreamRequest(input());
    const form = new URLSearchParams(fake.tokenRequests[0]!.body);
    expect(form.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    const { header, claims } = decodeJwt(form.get("assertion")!);
    expect(header).toEqual({ alg: "RS256", typ: "JWT", kid: "fake-key-id" });
    expect(claims).toMatchObject({
      iss: `gateway-test@${FAKE_VERTEX_PROJECT}.iam.gserviceaccount.com`,
      aud: fake.tokenUrl,
      scope: "https://www.googleapis.com/auth/cloud-platform",
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    expect(fake.tokenRequests[0]!.ok).toBe(true); // the fake verified the signature
  });

  it("refreshes a token that expires within five minutes", async () => {
    fake.setTokenExpiresIn(240);
    await googleVertexAdapter.buildUpstreamRequest(input());
    await googleVertexAdapter.buildUpstreamRequest(input());
    expect(fake.tokenRequests).toHaveLength(2);
  });

  it("honours projectId and location, and the global endpoint's host", async () => {
    const credentials = { ...provider.credentials, projectId: "other-project", location: "europe-west1" };
    const request = await googleVertexAdapter.buildUpstreamRequest(input({ provider: { ...provider, credentials }, search: "" }));
    expect(request.url).toBe(
      `${fake.url}/v1/projects/other-project/locations/europe-west1/publishers/google/models/gemini-2.5-flash:streamGenerateContent`,
    );
    const global = { ...provider, baseUrl: undefined, credentials: { ...provider.credentials, location: "global" } };
    const globalRequest = await googleVertexAdapter.buildUpstreamRequest(input({ provider: global, path: "v1/models/gemini-2.5-pro:generateContent", search: "" }));
    expect(globalRequest.url).toBe(
      `https://aiplatform.googleapis.com/v1/projects/${FAKE_VERTEX_PROJECT}/locations/global/publishers/google/models/gemini-2.5-pro:generateContent`,
    );
  });

  it("rejects with a clear message when the token endpoint refuses, and tries again next time", async () => {
    const account = JSON.parse(fake.serviceAccountJson()) as Record<string, string>;
    const wrongKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const refused = { ...provider, credentials: { serviceAccountJson: JSON.stringify({ ...account, private_key: wrongKey }) } };
    await expect(googleVertexAdapter.buildUpstreamRequest(input({ provider: refused }))).rejects.toThrow(/token endpoint answered 400.*Invalid JWT Signature/);
    await expect(googleVertexAdapter.buildUpstreamRequest(input({ provider: refused }))).rejects.toThrow();
    expect(fake.tokenRequests.filter((request) => !request.ok)).toHaveLength(2);
  });

  it("rejects when the token endpoint is unreachable", async () => {
    const account = JSON.parse(fake.serviceAccountJson()) as Record<string, string>;
    const unreachable = { ...provider, credentials: { serviceAccountJson: JSON.stringify({ ...account, token_uri: "http://127.0.0.1:1/token" }) } };
    await expect(googleVertexAdapter.buildUpstreamRequest(input({ provider: unreachable }))).rejects.toThrow();
  });

  it("rejects unusable credentials without calling anyone", async () => {
    for (const serviceAccountJson of [undefined, "not json", JSON.stringify({ client_email: "x@y" })]) {
      const broken = { ...provider, credentials: { serviceAccountJson } };
      await expect(googleVertexAdapter.buildUpstreamRequest(input({ provider: broken }))).rejects.toThrow(/serviceAccountJson/);
    }
    const account = JSON.parse(fake.serviceAccountJson()) as Record<string, string>;
    const noProject = { ...provider, credentials: { serviceAccountJson: JSON.stringify({ ...account, project_id: undefined }) } };
    await expect(googleVertexAdapter.buildUpstreamRequest(input({ provider: noProject }))).rejects.toThrow(/projectId/);
    expect(fake.tokenRequests).toHaveLength(0);
  });
});

describe("googleVertexAdapter reads Gemini answers", () => {
  it("takes usage from a Vertex JSON body", () => {
    const body = JSON.parse(readFileSync(new URL("./fixtures/generate-content.json", import.meta.url), "utf8"));
    expect(googleVertexAdapter.usageFromJson(body)).toEqual({
      inputTokens: 7,
      outputTokens: 11 + 376,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 376,
      model: "gemini-2.5-flash",
      responseId: "S9seaarZGbOP1dkPqO6HwA4",
      finishReasons: ["STOP"],
    });
  });

  it("takes usage from a Vertex stream whose first chunks carry only trafficType", () => {
    const bytes = readFileSync(new URL("./fixtures/stream-generate-content.chunks.txt", import.meta.url));
    const firstEvent = bytes.subarray(0, bytes.indexOf("\r\n\r\n") + 4);
    const cut = googleVertexAdapter.createStreamObserver({ injectedUsage: false, contentType: "text/event-stream" });
    cut.transform(firstEvent);
    expect(cut.usage()).toBeNull();
    expect(cut.outputText()).toBe("Bonjour");

    const whole = googleVertexAdapter.createStreamObserver({ injectedUsage: false, contentType: "text/event-stream" });
    for (const byte of bytes) whole.transform(Uint8Array.of(byte));
    whole.flush();
    expect(whole.usage()).toMatchObject({ inputTokens: 6, outputTokens: 4, finishReasons: ["STOP"] });
    expect(whole.outputText()).toBe("Bonjour le monde !");
  });

  it("reads model and operation from Gemini paths", () => {
    expect(googleVertexAdapter.requestInfo("v1beta/models/gemini-2.5-flash:generateContent", "", { generationConfig: { maxOutputTokens: 99 } })).toEqual({
      operation: "chat",
      model: "gemini-2.5-flash",
      stream: false,
      maxOutputTokens: 99,
    });
  });
});

describe("googleVertexAdapter.listModels", () => {
  it("lists publisher models by id", async () => {
    fake.setBehaviour({ models: ["gemini-2.5-flash", "gemini-2.5-pro"] });
    expect(await googleVertexAdapter.listModels!(provider)).toEqual(["gemini-2.5-flash", "gemini-2.5-pro"]);
    expect(fake.requests.at(-1)!.headers["x-goog-user-project"]).toBe(FAKE_VERTEX_PROJECT);
  });

  it("returns null when credentials or the upstream fail", async () => {
    expect(await googleVertexAdapter.listModels!({ ...provider, credentials: {} })).toBeNull();
    fake.setBehaviour({ status: 500 });
    expect(await googleVertexAdapter.listModels!(provider)).toBeNull();
  });
});
