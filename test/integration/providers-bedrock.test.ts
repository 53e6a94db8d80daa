// The bedrock provider type (SPEC §2) through the gateway with the official
// @aws-sdk/client-bedrock-runtime, over its default HTTP/2 handler and over HTTP/1.1:
// converse, converseStream, invokeModel (Claude's Anthropic body) and
// invokeModelWithResponseStream metered at the exact price; the gateway key sent the
// way the SDK sends a Bedrock API key (a bearer token), the upstream call signed with
// the provider's SigV4 keys (the fake verifies the signature) or carrying the
// provider's own Bedrock API key, the gateway key never forwarded; and the SDK's own
// exception classes for a bad key and for a stream the upstream cut short.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AccessDeniedException,
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  InternalServerException,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  type BedrockRuntimeClientConfig,
} from "@aws-sdk/client-bedrock-runtime";
import { NodeHttp2Handler, NodeHttpHandler } from "@smithy/node-http-handler";
import { useTestDatabase } from "../helpers/test-database";
import { gatewayClientConfig, recordResponseHeaders, TRANSPORTS, type Transport } from "../helpers/bedrock-client";
import type { TestGateway } from "../helpers/gateway";
import { catalogCostUsd, meteredRow, startGatewayWithProviders, usageRowOf } from "../helpers/provider-scenario";
import { CLIENT_EXTRA_HEADERS, expectClientHeadersFiltered, expectNoGatewayKey, expectNoGatewayKeyInAny } from "../helpers/upstream-assertions";
import { startFakeBedrock } from "../fakes/bedrock-upstream";
import { DEFAULT_REPLY_TEXT, type FakeServer, type RecordedRequest } from "../fakes/fake-server";

useTestDatabase();

const REGION = "eu-west-1";
const ACCESS_KEYS = { accessKeyId: "AKIAUPSTREAMPROVIDER1", secretAccessKey: "upstream/provider+secret/access/key/0123" };
const BEDROCK_API_KEY = "ABSKupstream-provider-bedrock-api-key";
// A cross-region inference profile of a current Claude, as Bedrock users call it.
const MODEL = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
// Bedrock reports input apart from cache reads and writes; with no cache use that is the whole prompt.
// 1,234 input × $2/M + 567 output × $8/M = $0.002468 + $0.004536 = $0.007004.
const FAKE_USAGE = { inputTokens: 1234, outputTokens: 567, cacheReadTokens: 0, cacheWriteTokens: 0 };
const PRICES = [{ model: MODEL, inputPerMillion: 2, outputPerMillion: 8, cacheReadPerMillion: 0.5, cacheWritePerMillion: 4 }];
const CUSTOM_COST_USD = 0.007004;

let gateway: TestGateway;
let upstream: FakeServer;
let gatewayKey: string;

beforeAll(async () => {
  upstream = await startFakeBedrock({ ...ACCESS_KEYS, region: REGION, apiKey: BEDROCK_API_KEY, behaviour: { usage: FAKE_USAGE } });
  const provider = { type: "bedrock", baseUrl: upstream.url };
  const sigV4 = { ...provider, credentials: { ...ACCESS_KEYS, region: REGION } };
  ({ gateway, gatewayKey } = await startGatewayWithProviders("bedrock", [
    { ...sigV4, slug: "bedrock", prices: PRICES },
    { ...sigV4, slug: "bedrock-catalog" },
    { ...provider, slug: "bedrock-api-key", prices: PRICES, apiKey: BEDROCK_API_KEY },
  ]));
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await upstream?.close();
  await gateway?.close();
});

// Whatever a test set on the fake (usage, a dying stream), the next one starts from the usual answers.
beforeEach(() => upstream.setBehaviour({ usage: FAKE_USAGE }));

const clients: BedrockRuntimeClient[] = [];

/** Keeps the client to destroy it once the file is done. */
function tracked(client: BedrockRuntimeClient): BedrockRuntimeClient {
  clients.push(client);
  return client;
}

/** How a Bedrock SDK user reaches the gateway (see gatewayClientConfig). */
function clientFor(route = "bedrock", transport: Transport = TRANSPORTS[0], overrides: Partial<BedrockRuntimeClientConfig> = {}): BedrockRuntimeClient {
  return tracked(new BedrockRuntimeClient({ ...gatewayClientConfig(`${gateway.proxyUrl}/${route}`, REGION, gatewayKey, transport), ...overrides }));
}

/** Signed with the provider's access key for Bedrock in its region; the fake checked the signature itself. */
function expectSigV4(request: RecordedRequest): void {
  expect(request.headers.authorization).toMatch(
    new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEYS.accessKeyId}/\\d{8}/${REGION}/bedrock/aws4_request, ?SignedHeaders=`),
  );
  expect(request.headers["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
}

const usageRow = (requestId: string | undefined) => usageRowOf(gateway, requestId);
const expectedRow = (route: string, costUsd: number) => meteredRow(route, MODEL, FAKE_USAGE, costUsd);

const modelPath = (action: string) => `/model/${encodeURIComponent(MODEL)}/${action}`;
const messages = [{ role: "user" as const, content: [{ text: "What is the capital of France?" }] }];
const anthropicBody = { anthropic_version: "bedrock-2023-05-31", max_tokens: 256, messages: [{ role: "user", content: "What is the capital of France?" }] };
const decodeJson = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;

describe.each(TRANSPORTS)("bedrock over %s", (transport) => {
  it("really uses that transport", () => {
    // NodeHttp2Handler speaks only HTTP/2 (prior knowledge on http://), so every answer below proves the gateway does too.
    const handler = clientFor("bedrock", transport).config.requestHandler;
    expect(handler).toBeInstanceOf(transport === TRANSPORTS[0] ? NodeHttp2Handler : NodeHttpHandler);
  });

  it("answers converse and meters it at the provider's custom price", async () => {
    const client = clientFor("bedrock", transport);
    const headers = recordResponseHeaders(client);
    const answer = await client.send(new ConverseCommand({ modelId: MODEL, messages, inferenceConfig: { maxTokens: 256 } }));
    expect(answer.output?.message?.content?.[0]?.text).toBe(DEFAULT_REPLY_TEXT);
    expect(answer.usage).toMatchObject({ inputTokens: 1234, outputTokens: 567 });
    expect(answer.$metadata.httpStatusCode).toBe(200);
    expect(headers[0]!["x-gateway-provider"]).toBe("bedrock");
    expect(headers[0]!["x-gateway-cost-usd"]).toBe(CUSTOM_COST_USD.toFixed(6));

    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: modelPath("converse"), search: "" });
    expect(received.json).toEqual({ messages, inferenceConfig: { maxTokens: 256 } });
    expectSigV4(received);
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(headers[0]!["x-gateway-request-id"])).toMatchObject(expectedRow("bedrock", CUSTOM_COST_USD));
  });

  it("streams converseStream as an AWS event stream and meters its metadata event", async () => {
    const client = clientFor("bedrock", transport);
    const headers = recordResponseHeaders(client);
    const answer = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages }));
    const kinds: string[] = [];
    let text = "";
    let metadataUsage: unknown;
    for await (const event of answer.stream!) {
      kinds.push(Object.keys(event).find((key) => (event as unknown as Record<string, unknown>)[key] !== undefined)!);
      text += event.contentBlockDelta?.delta?.text ?? "";
      if (event.metadata) metadataUsage = event.metadata.usage;
    }
    expect(text).toBe(DEFAULT_REPLY_TEXT);
    expect(kinds[0]).toBe("messageStart");
    expect(kinds.filter((kind) => kind === "contentBlockDelta").length).toBeGreaterThan(2);
    expect(kinds.slice(-3)).toEqual(["contentBlockStop", "messageStop", "metadata"]);
    expect(metadataUsage).toMatchObject({ inputTokens: 1234, outputTokens: 567 });
    expect(headers[0]!["content-type"]).toBe("application/vnd.amazon.eventstream");
    // The cost of a stream is known only once it ends, after the headers left.
    expect(headers[0]!["x-gateway-cost-usd"]).toBeUndefined();

    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: modelPath("converse-stream") });
    expectSigV4(received);
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(headers[0]!["x-gateway-request-id"])).toMatchObject(expectedRow("bedrock", CUSTOM_COST_USD));
  });

  it("answers invokeModel with Claude's Anthropic body and meters its usage", async () => {
    const client = clientFor("bedrock", transport);
    const headers = recordResponseHeaders(client);
    const answer = await client.send(
      new InvokeModelCommand({ modelId: MODEL, body: JSON.stringify(anthropicBody), contentType: "application/json", accept: "application/json" }),
    );
    const message = decodeJson(answer.body);
    expect(message).toMatchObject({ type: "message", content: [{ type: "text", text: DEFAULT_REPLY_TEXT }], usage: { input_tokens: 1234, output_tokens: 567 } });
    expect(headers[0]!["x-gateway-cost-usd"]).toBe(CUSTOM_COST_USD.toFixed(6));

    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: modelPath("invoke") });
    expect(received.json).toEqual(anthropicBody);
    expectSigV4(received);
    expectNoGatewayKey(received, gatewayKey);
    // The row names the model the answer says served it (Claude's body drops the profile
    // prefix and version); the price is still the one set for the requested model id.
    expect(await usageRow(headers[0]!["x-gateway-request-id"])).toMatchObject({
      ...expectedRow("bedrock", CUSTOM_COST_USD),
      model: "anthropic.claude-haiku-4-5-20251001",
    });
  });

  it("streams invokeModelWithResponseStream and meters the invocation metrics", async () => {
    const client = clientFor("bedrock", transport);
    const headers = recordResponseHeaders(client);
    const answer = await client.send(
      new InvokeModelWithResponseStreamCommand({ modelId: MODEL, body: JSON.stringify(anthropicBody), contentType: "application/json" }),
    );
    const events: Array<Record<string, unknown>> = [];
    for await (const event of answer.body!) if (event.chunk?.bytes) events.push(decodeJson(event.chunk.bytes));
    const text = events.map((event) => (event.delta as { text?: string } | undefined)?.text ?? "").join("");
    expect(text).toBe(DEFAULT_REPLY_TEXT);
    expect(events[0]).toMatchObject({ type: "message_start" });
    expect(events.at(-1)).toMatchObject({ type: "message_stop", "amazon-bedrock-invocationMetrics": { inputTokenCount: 1234, outputTokenCount: 567 } });

    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: modelPath("invoke-with-response-stream") });
    expect(received.json).toEqual(anthropicBody);
    expectSigV4(received);
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(headers[0]!["x-gateway-request-id"])).toMatchObject(expectedRow("bedrock", CUSTOM_COST_USD));
  });

  it("answers a bad gateway key with AccessDeniedException (401), without calling the upstream", async () => {
    const before = upstream.requests.length;
    const client = clientFor("bedrock", transport, { token: { token: "not-a-gateway-key" } });
    const refusals = [
      await client.send(new ConverseCommand({ modelId: MODEL, messages })).catch((error: unknown) => error),
      await client.send(new ConverseStreamCommand({ modelId: MODEL, messages })).catch((error: unknown) => error),
    ];
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(AccessDeniedException);
      expect(refusal).toMatchObject({ name: "AccessDeniedException", $metadata: { httpStatusCode: 401 }, message: "Invalid gateway API key" });
    }
    expect(upstream.requests.length).toBe(before);
  });

  it("raises InternalServerException from converseStream's event stream when the upstream dies mid-stream", async () => {
    upstream.setBehaviour({ usage: FAKE_USAGE, dieAfterChunks: 3 });
    const client = clientFor("bedrock", transport);
    const headers = recordResponseHeaders(client);
    const answer = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages }));
    let text = "";
    const consume = async () => {
      for await (const event of answer.stream!) text += event.contentBlockDelta?.delta?.text ?? "";
    };
    const failure = await consume().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InternalServerException);
    expect(failure).toMatchObject({ name: "InternalServerException", message: expect.stringContaining("Upstream stream interrupted") });
    // messageStart and two deltas made it through before the upstream died.
    expect(text).toBe("Hello from");
    expect(await usageRow(headers[0]!["x-gateway-request-id"])).toMatchObject({ provider: "bedrock", status: 200, error: "upstream_error" });
  });

  it("raises InternalServerException from invokeModelWithResponseStream's event stream too", async () => {
    upstream.setBehaviour({ usage: FAKE_USAGE, dieAfterChunks: 2 });
    const answer = await clientFor("bedrock", transport).send(
      new InvokeModelWithResponseStreamCommand({ modelId: MODEL, body: JSON.stringify(anthropicBody), contentType: "application/json" }),
    );
    const types: unknown[] = [];
    const consume = async () => {
      for await (const event of answer.body!) if (event.chunk?.bytes) types.push(decodeJson(event.chunk.bytes).type);
    };
    const failure = await consume().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InternalServerException);
    expect(types).toEqual(["message_start", "content_block_start"]);
  });
});

describe("bedrock pricing", () => {
  it.each([
    ["converse", false],
    ["converseStream", true],
  ])("prices %s from the genai-prices catalog when the provider sets no prices", async (_name, stream) => {
    const client = clientFor("bedrock-catalog");
    const headers = recordResponseHeaders(client);
    if (stream) {
      const answer = await client.send(new ConverseStreamCommand({ modelId: MODEL, messages }));
      for await (const event of answer.stream!) expect(event).toBeTruthy();
    } else {
      await client.send(new ConverseCommand({ modelId: MODEL, messages }));
    }
    // Catalog and custom price differ, so this also proves the custom price won above.
    const catalogCost = catalogCostUsd("bedrock", MODEL, FAKE_USAGE, CUSTOM_COST_USD);
    if (!stream) expect(headers[0]!["x-gateway-cost-usd"]).toBe(catalogCost.toFixed(6));
    expect(await usageRow(headers[0]!["x-gateway-request-id"])).toMatchObject(expectedRow("bedrock-catalog", catalogCost));
  });

  it("counts cache reads and writes into the input and prices them at their own rates", async () => {
    upstream.setBehaviour({ usage: { inputTokens: 1000, outputTokens: 100, cacheReadTokens: 2000, cacheWriteTokens: 400 } });
    const client = clientFor();
    const headers = recordResponseHeaders(client);
    await client.send(new ConverseCommand({ modelId: MODEL, messages }));
    // 1,000 uncached × $2/M + 2,000 cache reads × $0.50/M + 400 cache writes × $4/M + 100 output × $8/M
    // = $0.002 + $0.001 + $0.0016 + $0.0008 = $0.0054
    expect(headers[0]!["x-gateway-cost-usd"]).toBe("0.005400");
    expect(await usageRow(headers[0]!["x-gateway-request-id"])).toMatchObject({ inputTokens: 3400, outputTokens: 100, costUsd: 0.0054 });
  });
});

describe("bedrock credentials", () => {
  it("sends the provider's Bedrock API key as the bearer token upstream, not the client's", async () => {
    const client = clientFor("bedrock-api-key");
    const headers = recordResponseHeaders(client);
    const answer = await client.send(new ConverseCommand({ modelId: MODEL, messages }));
    expect(answer.output?.message?.content?.[0]?.text).toBe(DEFAULT_REPLY_TEXT);
    const received = upstream.requests.at(-1)!;
    expect(received.headers.authorization).toBe(`Bearer ${BEDROCK_API_KEY}`);
    expect(received.headers["x-amz-date"]).toBeUndefined();
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(headers[0]!["x-gateway-request-id"])).toMatchObject(expectedRow("bedrock-api-key", CUSTOM_COST_USD));
  });

  it("takes the gateway key from AWS_BEARER_TOKEN_BEDROCK, which also makes the SDK prefer bearer auth", async () => {
    const saved = process.env.AWS_BEARER_TOKEN_BEDROCK;
    process.env.AWS_BEARER_TOKEN_BEDROCK = gatewayKey;
    try {
      const client = tracked(new BedrockRuntimeClient({ endpoint: `${gateway.proxyUrl}/bedrock`, region: REGION, maxAttempts: 1 }));
      const answer = await client.send(new ConverseCommand({ modelId: MODEL, messages }));
      expect(answer.output?.message?.content?.[0]?.text).toBe(DEFAULT_REPLY_TEXT);
      const received = upstream.requests.at(-1)!;
      expectSigV4(received);
      expectNoGatewayKey(received, gatewayKey);
    } finally {
      if (saved === undefined) delete process.env.AWS_BEARER_TOKEN_BEDROCK;
      else process.env.AWS_BEARER_TOKEN_BEDROCK = saved;
    }
  });

  it("refuses a client that can only sign with SigV4: no gateway key travels in a signature", async () => {
    const before = upstream.requests.length;
    const client = tracked(
      new BedrockRuntimeClient({
        endpoint: `${gateway.proxyUrl}/bedrock`,
        region: REGION,
        credentials: { accessKeyId: gatewayKey, secretAccessKey: "anything" },
        maxAttempts: 1,
      }),
    );
    const refusal = await client.send(new ConverseCommand({ modelId: MODEL, messages })).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AccessDeniedException);
    expect(refusal).toMatchObject({ $metadata: { httpStatusCode: 401 } });
    expect(upstream.requests.length).toBe(before);
  });

  it("forwards none of the client's SigV4 headers or credentials, only harmless ones", async () => {
    const response = await fetch(`${gateway.proxyUrl}/bedrock${modelPath("converse")}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${gatewayKey}`,
        "x-amz-date": "20240101T000000Z",
        "x-amz-security-token": "client-session-token",
        "x-amz-content-sha256": "UNSIGNED-PAYLOAD",
        ...CLIENT_EXTRA_HEADERS,
        "content-type": "application/json",
      },
      body: JSON.stringify({ messages }),
    });
    expect(response.status).toBe(200);
    const received = upstream.requests.at(-1)!;
    expectSigV4(received);
    expect(received.headers["x-amz-date"]).not.toBe("20240101T000000Z");
    expect(received.headers["x-amz-security-token"]).toBeUndefined();
    expect(received.headers["x-amz-content-sha256"]).not.toBe("UNSIGNED-PAYLOAD");
    expectClientHeadersFiltered(received);
    expectNoGatewayKey(received, gatewayKey);
  });
});

describe("every upstream request of this file", () => {
  it("carried no gateway key in any header or in the query string", () => {
    expectNoGatewayKeyInAny(upstream.requests, gatewayKey, { moreThan: 15 });
  });
});
