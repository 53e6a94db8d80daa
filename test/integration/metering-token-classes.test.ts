// Every token class of every wire format reaches the usage record and the
// price (issue 11): for each provider type an answer with cache reads and
// writes (Anthropic's 5-minute and 1-hour writes, the 1-hour count arriving
// only in the final message_delta), reasoning and audio, served as JSON and
// as a stream by a fake upstream replaying exact bytes. The record has every
// class, the cost is the class-by-class price, and the streamed answer costs
// exactly what the JSON one does. A client that leaves a stream after
// message_start is billed for its input, cache classes included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import type { TestGateway } from "../helpers/gateway";
import { startGatewayWithProviders, usageRowOf } from "../helpers/provider-scenario";
import { startReplayUpstream, type ReplayResponse, type ReplayServer } from "../fakes/replay-upstream";
import { startFakeGemini, type FakeGeminiServer } from "../fakes/google-upstream";
import { anthropicStream, TOKEN_CLASS_CASES, type TokenClassCase } from "../fixtures/token-class-answers";
import { microsToUsd } from "@/lib/money";
import { priceRequest } from "@/lib/pricing";

useTestDatabase();

let gateway: TestGateway;
let gatewayKey: string;
let upstream: ReplayServer;
let tokenIssuer: FakeGeminiServer;
let next: ReplayResponse = { body: "{}" };

beforeAll(async () => {
  upstream = await startReplayUpstream(() => next);
  tokenIssuer = await startFakeGemini();
  const baseUrl = upstream.origin;
  ({ gateway, gatewayKey } = await startGatewayWithProviders("token-classes", [
    { slug: "openai", type: "openai", baseUrl, apiKey: "sk-upstream" },
    { slug: "azure", type: "azure", baseUrl: `${baseUrl}/openai/v1`, apiKey: "az-upstream" },
    { slug: "anthropic", type: "anthropic", baseUrl, apiKey: "sk-ant-upstream" },
    { slug: "google", type: "google", baseUrl, apiKey: "g-upstream" },
    { slug: "google-vertex", type: "google-vertex", baseUrl, credentials: { serviceAccountJson: tokenIssuer.serviceAccountJson(), location: "us-east5" } },
    { slug: "bedrock", type: "bedrock", baseUrl, credentials: { apiKey: "bedrock-api-key", region: "us-east-1" } },
  ]));
});

afterAll(async () => {
  await upstream?.close();
  await tokenIssuer?.close();
  await gateway?.close();
});

async function call(route: string, path: string, search: string | undefined, body: unknown, answer: ReplayResponse) {
  next = answer;
  const response = await fetch(`${gateway.proxyUrl}/${route}/${path}${search ?? ""}`, {
    method: "POST",
    headers: { authorization: `Bearer ${gatewayKey}`, "content-type": "application/json", "anthropic-version": "2023-06-01" },
    body: JSON.stringify(body),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect(response.status, new TextDecoder().decode(bytes)).toBe(200);
  return { response, bytes, row: await usageRowOf(gateway, response.headers.get("x-gateway-request-id")) };
}

function expectClasses(row: Awaited<ReturnType<typeof call>>["row"], example: TokenClassCase): void {
  const usage = example.usage;
  const cacheWrite = usage.cacheWriteTokens ?? 0;
  expect(row).toMatchObject({
    status: 200,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    cacheReadTokens: usage.cacheReadTokens ?? 0,
    cacheWriteTokens: cacheWrite,
    cacheWrite1hTokens: usage.cacheWrite1hTokens ?? 0,
    cacheWrite5mTokens: cacheWrite - (usage.cacheWrite1hTokens ?? 0),
    reasoningTokens: usage.reasoningTokens ?? 0,
    inputAudioTokens: usage.inputAudioTokens ?? 0,
    estimated: false,
  });
}

describe.each(TOKEN_CLASS_CASES)("$name", (example) => {
  const expected = priceRequest({ providerType: example.providerType, model: example.model, usage: example.usage });

  it("records every class as JSON and prices each at its own rate", async () => {
    expect(expected.priced).toBe(true);
    expect(expected.costMicros).toBeGreaterThan(0n);
    const { json } = example;
    const { response, row } = await call(example.providerType, json.path, json.search, json.requestBody, {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(json.responseBody),
    });
    expectClasses(row, example);
    expect(row.costUsd).toBe(microsToUsd(expected.costMicros));
    expect(response.headers.get("x-gateway-cost-usd")).toBe(microsToUsd(expected.costMicros).toFixed(6));
  });

  it.runIf(example.stream)("records the same classes from the stream, at exactly the same cost", async () => {
    const stream = example.stream!;
    const { bytes, row } = await call(example.providerType, stream.path, stream.search, stream.requestBody, {
      headers: { "content-type": stream.contentType },
      body: stream.body,
      pieces: 13,
    });
    // The client gets the recorded bytes (a usage chunk it asked for included).
    if (typeof stream.body === "string" && (stream.requestBody as { stream_options?: unknown }).stream_options) {
      expect(new TextDecoder().decode(bytes)).toBe(stream.body);
    }
    expectClasses(row, example);
    expect(row.costUsd).toBe(microsToUsd(expected.costMicros));
  });
});

describe("costs that differ by token class", () => {
  it("bills 1-hour cache writes above 5-minute ones (the 1h count arriving only in message_delta)", () => {
    const claude = TOKEN_CLASS_CASES.find((example) => example.providerType === "anthropic")!;
    const asIfFiveMinutes = priceRequest({ providerType: "anthropic", model: claude.model, usage: { ...claude.usage, cacheWrite1hTokens: 0 } });
    const actual = priceRequest({ providerType: "anthropic", model: claude.model, usage: claude.usage });
    // claude-sonnet-4-5: 1,000 tokens × ($6 − $3.75) per million more.
    expect(actual.costMicros - asIfFiveMinutes.costMicros).toBe(2250n);
  });
});

describe("a client that leaves a stream after message_start", () => {
  it("is billed for its input with the cache classes, and for output estimated from what it received", async () => {
    next = { headers: { "content-type": "text/event-stream" }, body: anthropicStream("claude-sonnet-4-5-20250929"), pieces: 8, holdAfterPieces: 5 };
    const controller = new AbortController();
    const response = await fetch(`${gateway.proxyUrl}/anthropic/v1/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${gatewayKey}`, "content-type": "application/json", "anthropic-version": "2023-06-01" },
      body: JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 1024, stream: true, messages: [{ role: "user", content: "Hi" }] }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    let received = "";
    while (!received.includes("content_block_delta")) {
      const { done, value } = await reader.read();
      expect(done).toBe(false);
      received += new TextDecoder().decode(value);
    }
    const gone = upstream.clientGone();
    controller.abort();
    await gone;
    const row = await usageRowOf(gateway, response.headers.get("x-gateway-request-id"));
    // message_start said: 300 uncached, 2,000 read, 500 written (5m); output so far a placeholder 1.
    expect(row).toMatchObject({ inputTokens: 2800, cacheReadTokens: 2000, cacheWriteTokens: 500, cacheWrite1hTokens: 0, estimated: true, error: "client_aborted" });
    expect(row.outputTokens).toBeGreaterThan(1);
    const usage = { inputTokens: 2800, outputTokens: row.outputTokens, cacheReadTokens: 2000, cacheWriteTokens: 500 };
    expect(row.costUsd).toBe(microsToUsd(priceRequest({ providerType: "anthropic", model: "claude-sonnet-4-5", usage }).costMicros));
  });
});
