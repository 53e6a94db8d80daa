// The google provider type (Gemini API, SPEC §2) through the gateway with the official
// @google/genai SDK: generateContent as JSON and as an SSE stream metered at the exact
// price, embeddings, countTokens at no cost, the models list; the provider's key in
// x-goog-api-key upstream and the gateway key never forwarded, whether the client sent
// it as x-goog-api-key, as Authorization or as the `key` query parameter; and the SDK's
// own ApiError for a bad key and for a stream the upstream cut short.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, GoogleGenAI } from "@google/genai";
import { useTestDatabase } from "../helpers/test-database";
import type { TestGateway } from "../helpers/gateway";
import { catalogCostUsd, expectGatewayHeaders, meteredRow, startGatewayWithProviders, usageRowOf } from "../helpers/provider-scenario";
import { CLIENT_EXTRA_HEADERS, expectClientHeadersFiltered, expectNoGatewayKey, expectNoGatewayKeyInAny } from "../helpers/upstream-assertions";
import { collectStream, collectStreamUntilError, headersOf } from "../helpers/genai-stream";
import { startFakeGemini, type FakeGeminiServer } from "../fakes/google-upstream";
import { DEFAULT_REPLY_TEXT, type RecordedRequest } from "../fakes/fake-server";
import { microsToUsd } from "@/lib/money";

useTestDatabase();

const UPSTREAM_KEY = "AIzaSy-upstream-provider-credential";
const MODEL = "gemini-2.5-flash";
const EMBEDDING_MODEL = "gemini-embedding-001";
// Gemini's promptTokenCount is the whole prompt; with no cache use nothing is priced differently.
// 1,234 input × $2/M + 567 output × $8/M = $0.002468 + $0.004536 = $0.007004.
const FAKE_USAGE = { inputTokens: 1234, outputTokens: 567, cacheReadTokens: 0, cacheWriteTokens: 0 };
const PRICE = { inputPerMillion: 2, outputPerMillion: 8, cacheReadPerMillion: 0.5 };
const CUSTOM_COST_USD = 0.007004;

let gateway: TestGateway;
let upstream: FakeGeminiServer;
let gatewayKey: string;

beforeAll(async () => {
  upstream = await startFakeGemini({ apiKey: UPSTREAM_KEY, behaviour: { usage: FAKE_USAGE } });
  const provider = { type: "google", baseUrl: upstream.url, apiKey: UPSTREAM_KEY };
  const prices = [MODEL, EMBEDDING_MODEL].map((model) => ({ model, ...PRICE }));
  ({ gateway, gatewayKey } = await startGatewayWithProviders("google", [
    { ...provider, slug: "gemini", prices },
    { ...provider, slug: "gemini-catalog" },
  ]));
});

afterAll(async () => {
  await upstream?.close();
  await gateway?.close();
});

// Whatever a test set on the fake (usage, failures, models), the next one starts from the usual answers.
beforeEach(() => upstream.setBehaviour({ usage: FAKE_USAGE }));

function clientFor(route = "gemini", apiKey = gatewayKey): GoogleGenAI {
  return new GoogleGenAI({ apiKey, httpOptions: { baseUrl: `${gateway.proxyUrl}/${route}` } });
}

const usageRow = (requestId: string | null) => usageRowOf(gateway, requestId);
const expectedRow = (route: string, costUsd: number) => meteredRow(route, MODEL, FAKE_USAGE, costUsd);

/** The provider's key in x-goog-api-key, and no other credential. */
function expectProviderCredential(request: RecordedRequest): void {
  expect(request.headers["x-goog-api-key"]).toBe(UPSTREAM_KEY);
  expect(request.headers.authorization).toBeUndefined();
  expect(new URLSearchParams(request.search).has("key")).toBe(false);
}

const prompt = "What is the capital of France?";

describe("gemini generateContent", () => {
  it("answers as JSON and meters it at the provider's custom price", async () => {
    const answer = await clientFor().models.generateContent({ model: MODEL, contents: prompt, config: { maxOutputTokens: 256 } });
    expect(answer.text).toBe(DEFAULT_REPLY_TEXT);
    expect(answer.usageMetadata).toMatchObject({ promptTokenCount: 1234, candidatesTokenCount: 567 });
    const headers = headersOf(answer);
    expectGatewayHeaders(headers, "gemini", "json");
    expect(headers.get("x-gateway-cost-usd")).toBe(CUSTOM_COST_USD.toFixed(6));

    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1beta/models/${MODEL}:generateContent`, search: "" });
    expect(received.json).toMatchObject({ contents: [{ role: "user", parts: [{ text: prompt }] }], generationConfig: { maxOutputTokens: 256 } });
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("gemini", CUSTOM_COST_USD));
  });

  it("streams with generateContentStream (SSE) and meters the last chunk's usageMetadata", async () => {
    const stream = await clientFor().models.generateContentStream({ model: MODEL, contents: prompt });
    const { texts, headers, lastUsage } = await collectStream(stream);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join("")).toBe(DEFAULT_REPLY_TEXT);
    expect(lastUsage).toMatchObject({ promptTokenCount: 1234, candidatesTokenCount: 567 });
    expectGatewayHeaders(headers, "gemini", "stream");
    expect(headers.get("content-type")).toContain("text/event-stream");

    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1beta/models/${MODEL}:streamGenerateContent`, search: "?alt=sse" });
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("gemini", CUSTOM_COST_USD));
  });

  it("streams the JSON array a client gets without alt=sse, and meters it too", async () => {
    const response = await fetch(`${gateway.proxyUrl}/gemini/v1beta/models/${MODEL}:streamGenerateContent`, {
      method: "POST",
      headers: { "x-goog-api-key": gatewayKey, "content-type": "application/json" },
      body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: prompt }] }] }),
    });
    expect(response.status).toBe(200);
    expectGatewayHeaders(response.headers, "gemini", "stream");
    const chunks = (await response.json()) as Array<{ candidates: Array<{ content: { parts: Array<{ text: string }> } }> }>;
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((chunk) => chunk.candidates[0]!.content.parts[0]!.text).join("")).toBe(DEFAULT_REPLY_TEXT);
    expect(upstream.requests.at(-1)!.search).toBe("");
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("gemini", CUSTOM_COST_USD));
  });

  it.each([
    ["JSON", false],
    ["stream", true],
  ])("prices %s answers from the genai-prices catalog when the provider sets no prices", async (_name, stream) => {
    const client = clientFor("gemini-catalog");
    const headers = stream
      ? (await collectStream(await client.models.generateContentStream({ model: MODEL, contents: prompt }))).headers
      : headersOf(await client.models.generateContent({ model: MODEL, contents: prompt }));
    // Catalog and custom price differ, so this also proves the custom price won above.
    const catalogCost = catalogCostUsd("google", MODEL, FAKE_USAGE, CUSTOM_COST_USD);
    if (!stream) expect(headers.get("x-gateway-cost-usd")).toBe(catalogCost.toFixed(6));
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("gemini-catalog", catalogCost));
  });

  it("prices cached prompt tokens at the cache-read rate", async () => {
    upstream.setBehaviour({ usage: { inputTokens: 3000, outputTokens: 100, cacheReadTokens: 2000 } });
    const answer = await clientFor().models.generateContent({ model: MODEL, contents: prompt });
    // promptTokenCount includes the cached part: 1,000 uncached × $2/M + 2,000 cached × $0.50/M
    // + 100 output × $8/M = $0.002 + $0.001 + $0.0008 = $0.0038.
    const headers = headersOf(answer);
    expect(headers.get("x-gateway-cost-usd")).toBe("0.003800");
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject({ inputTokens: 3000, outputTokens: 100, costUsd: 0.0038 });
  });
});

describe("gemini embeddings, countTokens and models", () => {
  it("embeds (batchEmbedContents) and meters an estimate from the request size, the answer carrying no usage", async () => {
    const answer = await clientFor().models.embedContent({ model: EMBEDDING_MODEL, contents: ["first", "second"] });
    expect(answer.embeddings).toHaveLength(2);
    expect(answer.embeddings![0]!.values).toHaveLength(8);
    const headers = headersOf(answer);
    expectGatewayHeaders(headers, "gemini", "json");

    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1beta/models/${EMBEDDING_MODEL}:batchEmbedContents` });
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
    // Gemini's embedding answers report no tokens, so the gateway estimates a token per
    // 4 request bytes (the body went upstream unchanged) and prices that at $2/M, no output.
    const inputTokens = Math.ceil(Buffer.byteLength(received.body) / 4);
    const costUsd = microsToUsd(BigInt(inputTokens * 2));
    expect(headers.get("x-gateway-cost-usd")).toBe(costUsd.toFixed(6));
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject({
      provider: "gemini", model: EMBEDDING_MODEL, status: 200, inputTokens, outputTokens: 0, costUsd, error: null,
    });
  });

  it("embeds a single content on :embedContent", async () => {
    const response = await fetch(`${gateway.proxyUrl}/gemini/v1beta/models/${EMBEDDING_MODEL}:embedContent`, {
      method: "POST",
      headers: { "x-goog-api-key": gatewayKey, "content-type": "application/json" },
      body: JSON.stringify({ content: { parts: [{ text: "first" }] } }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { embedding: { values: number[] } }).embedding.values).toHaveLength(8);
    expect(upstream.requests.at(-1)!.path).toBe(`/v1beta/models/${EMBEDDING_MODEL}:embedContent`);
    const row = await usageRow(response.headers.get("x-gateway-request-id"));
    expect(row).toMatchObject({ provider: "gemini", model: EMBEDDING_MODEL, status: 200, outputTokens: 0 });
    expect(row.costUsd).toBeGreaterThan(0);
  });

  it("counts tokens with the upstream's count and at no cost", async () => {
    const answer = await clientFor().models.countTokens({ model: MODEL, contents: prompt });
    expect(answer.totalTokens).toBe(FAKE_USAGE.inputTokens);
    const headers = headersOf(answer);
    expectGatewayHeaders(headers, "gemini", "json");
    expect(headers.get("x-gateway-cost-usd")).toBe("0.000000");
    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: `/v1beta/models/${MODEL}:countTokens` });
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject({ provider: "gemini", status: 200, costUsd: 0, error: null });
  });

  it("lists the upstream's models at no cost", async () => {
    upstream.setBehaviour({ usage: FAKE_USAGE, models: [MODEL, "gemini-2.5-pro", EMBEDDING_MODEL] });
    const names: string[] = [];
    const pager = await clientFor().models.list();
    for await (const model of pager) names.push(model.name ?? "");
    expect(names).toEqual([`models/${MODEL}`, "models/gemini-2.5-pro", `models/${EMBEDDING_MODEL}`]);
    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "GET", path: "/v1beta/models" });
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
    const headers = new Headers(pager.sdkHttpResponse?.headers);
    expectGatewayHeaders(headers, "gemini", "json");
    expect(headers.get("x-gateway-cost-usd")).toBe("0.000000");
    expect(await usageRow(headers.get("x-gateway-request-id"))).toMatchObject({ provider: "gemini", status: 200, costUsd: 0 });
  });
});

describe("gemini credentials", () => {
  it("accepts the gateway key as the `key` query parameter and forwards neither it nor the parameter", async () => {
    const response = await fetch(`${gateway.proxyUrl}/gemini/v1beta/models/${MODEL}:streamGenerateContent?key=${gatewayKey}&alt=sse`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: prompt }] }] }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("data: ");
    const received = upstream.requests.at(-1)!;
    expect(received.search).toBe("?alt=sse");
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("gemini", CUSTOM_COST_USD));
  });

  it("accepts it as Authorization: Bearer, and replaces every client credential with the provider's", async () => {
    const response = await fetch(`${gateway.proxyUrl}/gemini/v1beta/models/${MODEL}:generateContent?key=${gatewayKey}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${gatewayKey}`,
        "x-goog-api-key": gatewayKey,
        ...CLIENT_EXTRA_HEADERS,
        "x-goog-user-project": "client-billing-project",
        "content-type": "application/json",
      },
      body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: prompt }] }] }),
    });
    expect(response.status).toBe(200);
    const received = upstream.requests.at(-1)!;
    expect(received.search).toBe("");
    expectClientHeadersFiltered(received);
    expect(received.headers["x-goog-user-project"]).toBeUndefined();
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
  });
});

describe("gemini errors", () => {
  it("answers a bad gateway key with the SDK's ApiError 401, without calling the upstream", async () => {
    const before = upstream.requests.length;
    const client = clientFor("gemini", "not-a-gateway-key");
    const refusal = await client.models.generateContent({ model: MODEL, contents: prompt }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 401, message: expect.stringContaining("UNAUTHENTICATED") });
    const streamRefusal = await client.models.generateContentStream({ model: MODEL, contents: prompt }).catch((error: unknown) => error);
    expect(streamRefusal).toBeInstanceOf(ApiError);
    expect(streamRefusal).toMatchObject({ status: 401 });
    expect(upstream.requests.length).toBe(before);
  });

  it("passes an upstream error through as the SDK's ApiError with Google's status", async () => {
    upstream.setBehaviour({ status: 429 });
    const refusal = await clientFor().models.generateContent({ model: MODEL, contents: prompt }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ status: 429, message: expect.stringContaining("RESOURCE_EXHAUSTED") });
  });

  it("ends a stream the upstream cut short with Google's in-stream error, which the SDK raises as ApiError", async () => {
    // The pause lets the first chunk reach the SDK on its own: @google/genai only recognises
    // the error when it arrives as a network chunk of its own (see the next test otherwise).
    upstream.setBehaviour({ usage: FAKE_USAGE, dieAfterChunks: 1, chunkIntervalMs: 100 });
    const { texts, headers, failure } = await collectStreamUntilError(() =>
      clientFor().models.generateContentStream({ model: MODEL, contents: prompt }),
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 500, message: expect.stringContaining("INTERNAL") });
    // The first chunk made it through before the upstream died.
    expect(texts).toEqual(["Hello from the"]);
    const row = await usageRow(headers.get("x-gateway-request-id"));
    expect(row).toMatchObject({ provider: "gemini", status: 200, inputTokens: FAKE_USAGE.inputTokens, error: "upstream_error" });
  });

  it("ends it with Google's bare JSON error body, which the SDK refuses even when it arrives with earlier bytes", async () => {
    upstream.setBehaviour({ usage: FAKE_USAGE, dieAfterChunks: 1 });
    const response = await fetch(`${gateway.proxyUrl}/gemini/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`, {
      method: "POST",
      headers: { "x-goog-api-key": gatewayKey, "content-type": "application/json" },
      body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: prompt }] }] }),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const [firstEvent, tail] = text.split("\r\n\r\n");
    expect(JSON.parse(firstEvent!.replace(/^data: /, ""))).toMatchObject({ candidates: [{ content: { parts: [{ text: "Hello from the" }] } }] });
    // What Google itself sends when a stream fails: its error body, not a `data:` event.
    expect(JSON.parse(tail!)).toEqual({ error: { code: 500, message: expect.stringContaining("Upstream stream interrupted"), status: "INTERNAL" } });

    // Arriving as fast as the upstream died, the error may share a read with the chunk
    // before it; the SDK must still refuse the stream rather than end it as complete.
    const consume = async () => {
      for await (const chunk of await clientFor().models.generateContentStream({ model: MODEL, contents: prompt })) void chunk;
    };
    await expect(consume()).rejects.toThrow(/INTERNAL|Incomplete JSON segment/);
  });
});

describe("every upstream request of this file", () => {
  it("carried no gateway key in any header or in the query string", () => {
    expectNoGatewayKeyInAny(upstream.requests, gatewayKey, { moreThan: 12 });
  });
});
