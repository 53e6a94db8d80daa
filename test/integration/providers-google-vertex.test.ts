// The google-vertex provider type (SPEC §2) through the gateway with the official
// @google/genai SDK, both as a Gemini API client pointed at the vertex route and in
// its own vertexai mode: Gemini paths rewritten to the provider's project/location
// publisher path, generateContent as JSON and as an SSE stream metered at the exact
// price, embeddings, countTokens at no cost, the models list; upstream authenticated
// with one service-account OAuth token fetched once and reused, the gateway key
// never forwarded; and the SDK's own ApiError for a bad key and a stream cut short.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, GoogleGenAI } from "@google/genai";
import { OAuth2Client } from "google-auth-library";
import { useTestDatabase } from "../helpers/test-database";
import type { TestGateway } from "../helpers/gateway";
import { catalogCostUsd, expectGatewayHeaders, meteredRow, startGatewayWithProviders, usageRowOf } from "../helpers/provider-scenario";
import { expectNoGatewayKey } from "../helpers/upstream-assertions";
import { collectStream, collectStreamUntilError, headersOf } from "../helpers/genai-stream";
import { FAKE_VERTEX_PROJECT, startFakeGemini, type FakeGeminiServer } from "../fakes/google-upstream";
import { DEFAULT_REPLY_TEXT, type RecordedRequest } from "../fakes/fake-server";
import { microsToUsd } from "@/lib/money";

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
  upstream = await startFakeGemini({ behaviour: { usage: FAKE_USAGE } });
  // One service account for both providers: they share its token.
  const credentials = { serviceAccountJson: upstream.serviceAccountJson(), location: LOCATION };
  const provider = { type: "google-vertex", baseUrl: upstream.origin, credentials };
  const prices = [MODEL, EMBEDDING_MODEL].map((model) => ({ model, ...PRICE }));
  ({ gateway, gatewayKey } = await startGatewayWithProviders("vertex", [
    { ...provider, slug: "vertex", prices },
    { ...provider, slug: "vertex-catalog" },
  ]));
});

afterAll(async () => {
  await upstream?.close();
  await gateway?.close();
});

// Whatever a test set on the fake (models, failures), the next one starts from the usual answers.
beforeEach(() => upstream.setBehaviour({ usage: FAKE_USAGE }));

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

const usageRow = (requestId: string | null) => usageRowOf(gateway, requestId);
const expectedRow = (route: string, costUsd: number) => meteredRow(route, MODEL, FAKE_USAGE, costUsd);

/** A bearer token the fake's token endpoint issued (the fake refuses any other), and no API key. */
function expectServiceAccountToken(request: RecordedRequest): void {
  expect(request.headers.authorization).toMatch(/^Bearer ya29\./);
  expect(request.headers["x-goog-api-key"]).toBeUndefined();
  expect(new URLSearchParams(request.search).has("key")).toBe(false);
}

const prompt = "What is the capital of France?";

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
    expectNoGatewayKey(received, gatewayKey);
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
    expectNoGatewayKey(received, gatewayKey);
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
    const catalogCost = catalogCostUsd("google-vertex", MODEL, FAKE_USAGE, CUSTOM_COST_USD);
    if (!stream) expect(headers.get("x-gateway-cost-usd")).toBe(catalogCost.toFixed(6));
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("vertex-catalog", catalogCost));
  });

  it("counts tokens at no cost", async () => {
    const answer = await geminiClient().models.countTokens({ model: MODEL, contents: prompt });
    expect(answer.totalTokens).toBe(FAKE_USAGE.inputTokens);
    const headers = headersOf(answer);
    expect(headers.get("x-gateway-cost-usd")).toBe("0.000000");
    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1${PUBLISHER_PATH}/${MODEL}:countTokens` });
    expectServiceAccountToken(received);
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject({ provider: "vertex", status: 200, costUsd: 0, error: null });
  });

  it("lists Google's publisher models at no cost", async () => {
    upstream.setBehaviour({ usage: FAKE_USAGE, models: [MODEL, "gemini-2.5-pro"] });
    const pager = await geminiClient().models.list();
    const names: string[] = [];
    for await (const model of pager) names.push(model.name ?? "");
    expect(names).toEqual([`publishers/google/models/${MODEL}`, "publishers/google/models/gemini-2.5-pro"]);
    const received = upstream.requests.at(-1)!;
    // Vertex lists publisher models on v1beta1, outside any project.
    expect(received).toMatchObject({ method: "GET", path: "/v1beta1/publishers/google/models" });
    expectServiceAccountToken(received);
    expectNoGatewayKey(received, gatewayKey);
    const headers = new Headers(pager.sdkHttpResponse?.headers);
    expectGatewayHeaders(headers, "vertex", "json");
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject({ provider: "vertex", status: 200, costUsd: 0 });
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
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("vertex", CUSTOM_COST_USD));
  });

  it("project mode (OAuth token): the client's project and location are replaced, its bearer token too", async () => {
    const { texts, headers } = await collectStream(await vertexProjectClient().models.generateContentStream({ model: MODEL, contents: prompt }));
    expect(texts.join("")).toBe(DEFAULT_REPLY_TEXT);
    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1beta1${PUBLISHER_PATH}/${MODEL}:streamGenerateContent`, search: "?alt=sse" });
    expectServiceAccountToken(received);
    expectNoGatewayKey(received, gatewayKey);
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
    expectNoGatewayKey(received, gatewayKey);
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
    const { texts, headers, failure } = await collectStreamUntilError(() =>
      geminiClient().models.generateContentStream({ model: MODEL, contents: prompt }),
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 500, message: expect.stringContaining("INTERNAL") });
    expect(texts).toEqual(["Hello from the"]);
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject({ provider: "vertex", status: 200, error: "upstream_error" });
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
      expectNoGatewayKey(request, gatewayKey);
    }
  });
});
