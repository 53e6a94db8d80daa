// The google-vertex provider type (SPEC §2) through the gateway with the official
// @google/genai SDK, both as a Gemini API client pointed at the vertex route and in
// its own vertexai mode: Gemini paths rewritten to the provider's project/location
// publisher path, generateContent as JSON and as an SSE stream metered at the exact
// price, embeddings, countTokens at no cost, the models list; upstream authenticated
// with one service-account OAuth token fetched once and reused, the gateway key
// never forwarded; and the SDK's own ApiError for a bad key and a stream cut short.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, GoogleGenAI } from "@google/genai";
import { OAuth2Client } from "google-auth-library";
import { useTestDatabase } from "../helpers/test-database";
import { flushUsage, startTestGateway, type TestGateway } from "../helpers/gateway";
import { FAKE_VERTEX_PROJECT, startFakeGemini, type FakeGeminiServer } from "../fakes/google-upstream";
import { DEFAULT_REPLY_TEXT, type RecordedRequest } from "../fakes/fake-server";
import { priceRequest } from "@/lib/pricing";
import { microsToUsd } from "@/lib/money";
import type { UsageItem } from "@/lib/usage/schemas";

useTestDatabase();

const LOCATION = "europe-west4";
const MODEL = "gemini-2.5-flash";
// A model @google/genai's vertexai mode embeds through :embedContent (gemini-embedding-001 goes to :predict).
const EMBEDDING_MODEL = "gemini-embedding-2-preview";
const PUBLISHER_PATH = `/projects/${FAKE_VERTEX_PROJECT}/locations/${LOCATION}/publishers/google/models`;
// 1,234 input × $2/M + 567 output × $8/M = $0.002468 + $0.004536 = $0.007004.
const FAKE_USAGE = { inputTokens: 1234, outputTokens: 567, cacheReadTokens: 0, cacheWriteTokens: 0 };
const PRICE = { inputPerMillion: 2, outputPerMillion: 8 };
const CUSTOM_COST_USD = 0.007004;

let gateway: TestGateway;
let upstream: FakeGeminiServer;
let gatewayKey: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  upstream = await startFakeGemini({ behaviour: { usage: FAKE_USAGE } });
  expect((await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" })).status).toBe(200);
  // One service account for both providers: they share its token.
  const credentials = { serviceAccountJson: upstream.serviceAccountJson(), location: LOCATION };
  const prices = [MODEL, EMBEDDING_MODEL].map((model) => ({ model, ...PRICE }));
  for (const provider of [{ slug: "vertex", prices }, { slug: "vertex-catalog" }]) {
    const answer = await gateway.api("POST", "/api/v1/providers", { type: "google-vertex", baseUrl: upstream.origin, credentials, ...provider });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  }
  const key = await gateway.api("POST", "/api/v1/keys", { name: "vertex", kind: "project" });
  expect(key.status).toBe(201);
  gatewayKey = key.body.secret;
});

afterAll(async () => {
  await upstream?.close();
  await gateway?.close();
});

/** A Gemini API client, as most code is written, pointed at the vertex route. */
function geminiClient(route = "vertex", apiKey = gatewayKey): GoogleGenAI {
  return new GoogleGenAI({ apiKey, httpOptions: { baseUrl: `${gateway.proxyUrl}/${route}` } });
}

/** vertexai mode with an API key ("express mode"): v1beta1/publishers/google/models/… paths, key in x-goog-api-key. */
function vertexExpressClient(route = "vertex"): GoogleGenAI {
  return new GoogleGenAI({ vertexai: true, apiKey: gatewayKey, httpOptions: { baseUrl: `${gateway.proxyUrl}/${route}` } });
}

/**
 * vertexai mode with a project and location: v1beta1/projects/{p}/locations/{l}/… paths and
 * an OAuth bearer token, here the gateway key handed to google-auth-library as a static token.
 */
function vertexProjectClient(route = "vertex"): GoogleGenAI {
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: gatewayKey, expiry_date: Date.now() + 3_600_000 });
  return new GoogleGenAI({
    vertexai: true,
    project: "client-side-project",
    location: "us-east1",
    googleAuthOptions: { authClient },
    httpOptions: { baseUrl: `${gateway.proxyUrl}/${route}` },
  });
}

function headersOf(answer: { sdkHttpResponse?: { headers?: Record<string, string> } }): Headers {
  expect(answer.sdkHttpResponse?.headers, "the SDK exposes the response headers").toBeDefined();
  return new Headers(answer.sdkHttpResponse!.headers);
}

async function usageRow(requestId: string | null): Promise<UsageItem> {
  expect(requestId, "x-gateway-request-id").toBeTruthy();
  await flushUsage();
  const answer = await gateway.api<{ items: UsageItem[] }>("GET", "/api/v1/usage?limit=500");
  expect(answer.status).toBe(200);
  const row = answer.body.items.find((item) => item.id === requestId);
  expect(row, `usage row for request ${requestId}`).toBeDefined();
  return row!;
}

function expectGatewayHeaders(headers: Headers, route: string, kind: "json" | "stream"): void {
  expect(headers.get("x-gateway-provider")).toBe(route);
  expect(headers.get("x-gateway-request-id")).toBeTruthy();
  if (kind === "stream") expect(headers.get("x-gateway-cost-usd")).toBeNull();
}

function expectNoGatewayKey(request: RecordedRequest): void {
  for (const [name, value] of Object.entries(request.headers)) expect(value, `upstream header ${name}`).not.toContain(gatewayKey);
  expect(request.search).not.toContain(gatewayKey);
}

/** A bearer token the fake's token endpoint issued (the fake refuses any other), and no API key. */
function expectServiceAccountToken(request: RecordedRequest): void {
  expect(request.headers.authorization).toMatch(/^Bearer ya29\./);
  expect(request.headers["x-goog-api-key"]).toBeUndefined();
  expect(new URLSearchParams(request.search).has("key")).toBe(false);
}

const expectedRow = (route: string, costUsd: number) => ({
  provider: route,
  route,
  model: MODEL,
  status: 200,
  inputTokens: FAKE_USAGE.inputTokens,
  outputTokens: FAKE_USAGE.outputTokens,
  costUsd,
  error: null,
});

const prompt = "What is the capital of France?";

async function collectStream(stream: AsyncGenerator<{ text?: string; sdkHttpResponse?: { headers?: Record<string, string> } }>) {
  const texts: string[] = [];
  let headers: Headers | null = null;
  for await (const chunk of stream) {
    headers ??= headersOf(chunk);
    texts.push(chunk.text ?? "");
  }
  return { texts, headers: headers! };
}

describe("vertex through a Gemini API client", () => {
  it("answers generateContent as JSON from the provider's publisher path, at the custom price", async () => {
    const answer = await geminiClient().models.generateContent({ model: MODEL, contents: prompt, config: { maxOutputTokens: 256 } });
    expect(answer.text).toBe(DEFAULT_REPLY_TEXT);
    expect(answer.usageMetadata).toMatchObject({ promptTokenCount: 1234, candidatesTokenCount: 567 });
    const headers = headersOf(answer);
    expectGatewayHeaders(headers, "vertex", "json");
    expect(headers.get("x-gateway-cost-usd")).toBe(CUSTOM_COST_USD.toFixed(6));

    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1${PUBLISHER_PATH}/${MODEL}:generateContent`, search: "" });
    expect(received.json).toMatchObject({ contents: [{ parts: [{ text: prompt }] }], generationConfig: { maxOutputTokens: 256 } });
    expectServiceAccountToken(received);
    expectNoGatewayKey(received);
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("vertex", CUSTOM_COST_USD));
  });

  it("streams generateContentStream (SSE) and meters the last chunk's usageMetadata", async () => {
    const { texts, headers } = await collectStream(await geminiClient().models.generateContentStream({ model: MODEL, contents: prompt }));
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join("")).toBe(DEFAULT_REPLY_TEXT);
    expectGatewayHeaders(headers, "vertex", "stream");

    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1${PUBLISHER_PATH}/${MODEL}:streamGenerateContent`, search: "?alt=sse" });
    expectServiceAccountToken(received);
    expectNoGatewayKey(received);
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("vertex", CUSTOM_COST_USD));
  });

  it.each([
    ["JSON", false],
    ["stream", true],
  ])("prices %s answers from the genai-prices catalog when the provider sets no prices", async (_name, stream) => {
    const client = geminiClient("vertex-catalog");
    const headers = stream
      ? (await collectStream(await client.models.generateContentStream({ model: MODEL, contents: prompt }))).headers
      : headersOf(await client.models.generateContent({ model: MODEL, contents: prompt }));
    const expected = priceRequest({ providerType: "google-vertex", model: MODEL, usage: FAKE_USAGE });
    expect(expected.priced).toBe(true);
    expect(expected.costMicros).toBeGreaterThan(0n);
    expect(microsToUsd(expected.costMicros)).not.toBe(CUSTOM_COST_USD);
    if (!stream) expect(headers.get("x-gateway-cost-usd")).toBe(microsToUsd(expected.costMicros).toFixed(6));
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("vertex-catalog", microsToUsd(expected.costMicros)));
  });

  it("counts tokens at no cost", async () => {
    const answer = await geminiClient().models.countTokens({ model: MODEL, contents: prompt });
    expect(answer.totalTokens).toBe(FAKE_USAGE.inputTokens);
    const headers = headersOf(answer);
    expect(headers.get("x-gateway-cost-usd")).toBe("0.000000");
    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1${PUBLISHER_PATH}/${MODEL}:countTokens` });
    expectServiceAccountToken(received);
    expectNoGatewayKey(received);
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject({ provider: "vertex", status: 200, costUsd: 0, error: null });
  });

  it("lists Google's publisher models at no cost", async () => {
    upstream.setBehaviour({ usage: FAKE_USAGE, models: [MODEL, "gemini-2.5-pro"] });
    try {
      const pager = await geminiClient().models.list();
      const names: string[] = [];
      for await (const model of pager) names.push(model.name ?? "");
      expect(names).toEqual([`publishers/google/models/${MODEL}`, "publishers/google/models/gemini-2.5-pro"]);
      const received = upstream.requests.at(-1)!;
      // Vertex lists publisher models on v1beta1, outside any project.
      expect(received).toMatchObject({ method: "GET", path: "/v1beta1/publishers/google/models" });
      expectServiceAccountToken(received);
      expectNoGatewayKey(received);
      const headers = new Headers(pager.sdkHttpResponse?.headers);
      expectGatewayHeaders(headers, "vertex", "json");
      expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject({ provider: "vertex", status: 200, costUsd: 0 });
    } finally {
      upstream.setBehaviour({ usage: FAKE_USAGE });
    }
  });
});

describe("vertex through @google/genai in vertexai mode", () => {
  it("express mode (API key): v1beta1 publisher paths are moved into the provider's project", async () => {
    const answer = await vertexExpressClient().models.generateContent({ model: MODEL, contents: prompt });
    expect(answer.text).toBe(DEFAULT_REPLY_TEXT);
    const headers = headersOf(answer);
    expect(headers.get("x-gateway-cost-usd")).toBe(CUSTOM_COST_USD.toFixed(6));
    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1beta1${PUBLISHER_PATH}/${MODEL}:generateContent` });
    expectServiceAccountToken(received);
    expectNoGatewayKey(received);
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("vertex", CUSTOM_COST_USD));
  });

  it("project mode (OAuth token): the client's project and location are replaced, its bearer token too", async () => {
    const { texts, headers } = await collectStream(await vertexProjectClient().models.generateContentStream({ model: MODEL, contents: prompt }));
    expect(texts.join("")).toBe(DEFAULT_REPLY_TEXT);
    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1beta1${PUBLISHER_PATH}/${MODEL}:streamGenerateContent`, search: "?alt=sse" });
    expectServiceAccountToken(received);
    expectNoGatewayKey(received);
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("vertex", CUSTOM_COST_USD));
  });

  it("embeds through :embedContent and meters an estimate from the request size, the answer carrying no usage", async () => {
    const answer = await vertexProjectClient().models.embedContent({ model: EMBEDDING_MODEL, contents: "first" });
    expect(answer.embeddings).toHaveLength(1);
    expect(answer.embeddings![0]!.values).toHaveLength(8);
    const headers = headersOf(answer);
    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1beta1${PUBLISHER_PATH}/${EMBEDDING_MODEL}:embedContent` });
    expectServiceAccountToken(received);
    expectNoGatewayKey(received);
    // A token per 4 request bytes (the body went upstream unchanged) at $2/M, no output.
    const inputTokens = Math.ceil(Buffer.byteLength(received.body) / 4);
    const costUsd = microsToUsd(BigInt(inputTokens * 2));
    expect(headers.get("x-gateway-cost-usd")).toBe(costUsd.toFixed(6));
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject({
      provider: "vertex", model: EMBEDDING_MODEL, status: 200, inputTokens, outputTokens: 0, costUsd, error: null,
    });
  });
});

describe("vertex errors", () => {
  it("answers a bad gateway key with the SDK's ApiError 401, without calling the upstream", async () => {
    const before = upstream.requests.length;
    const refusal = await geminiClient("vertex", "not-a-gateway-key").models.generateContent({ model: MODEL, contents: prompt }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 401, message: expect.stringContaining("UNAUTHENTICATED") });
    expect(upstream.requests.length).toBe(before);
  });

  it("ends a stream the upstream cut short with Google's in-stream error, which the SDK raises as ApiError", async () => {
    // The pause lets the first chunk reach the SDK on its own (see providers-google.test.ts).
    upstream.setBehaviour({ usage: FAKE_USAGE, dieAfterChunks: 1, chunkIntervalMs: 100 });
    try {
      const texts: string[] = [];
      let headers: Headers | null = null;
      const consume = async () => {
        for await (const chunk of await geminiClient().models.generateContentStream({ model: MODEL, contents: prompt })) {
          headers ??= headersOf(chunk);
          texts.push(chunk.text ?? "");
        }
      };
      const failure = await consume().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ApiError);
      expect(failure).toMatchObject({ status: 500, message: expect.stringContaining("INTERNAL") });
      expect(texts).toEqual(["Hello from the"]);
      expect(await usageRow(headers!.get("x-gateway-request-id"))).toMatchObject({ provider: "vertex", status: 200, error: "upstream_error" });
    } finally {
      upstream.setBehaviour({ usage: FAKE_USAGE });
    }
  });
});

describe("the provider's OAuth token", () => {
  it("was fetched once, with a signature the token endpoint verified, and used for every request of this file", () => {
    expect(upstream.tokenRequests).toEqual([{ body: expect.stringContaining("grant_type="), ok: true }]);
    const modelCalls = upstream.requests.filter((request) => request.path !== "/token");
    expect(modelCalls.length).toBeGreaterThanOrEqual(10);
    const tokens = new Set(modelCalls.map((request) => request.headers.authorization));
    expect(tokens.size).toBe(1);
    for (const request of modelCalls) {
      expectServiceAccountToken(request);
      expectNoGatewayKey(request);
    }
  });
});
