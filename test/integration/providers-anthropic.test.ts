// The anthropic provider type (SPEC §2) through the gateway with the official
// @anthropic-ai/sdk: messages as JSON and as streams metered at the exact price
// (cache reads and writes included), count_tokens at no cost, the provider's
// x-api-key upstream with the client's anthropic-version passed through, and
// neither the gateway key nor the client's credentials or cookies ever forwarded.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import Anthropic from "@anthropic-ai/sdk";
import { useTestDatabase } from "../helpers/test-database";
import type { TestGateway } from "../helpers/gateway";
import { catalogCostUsd, expectGatewayHeaders, meteredRow, startGatewayWithProviders, usageRowOf } from "../helpers/provider-scenario";
import { CLIENT_EXTRA_HEADERS, expectClientHeadersFiltered, expectNoGatewayKey, expectNoGatewayKeyInAny } from "../helpers/upstream-assertions";
import { startFakeAnthropic } from "../fakes/anthropic-upstream";
import { DEFAULT_REPLY_TEXT, type FakeServer, type RecordedRequest } from "../fakes/fake-server";

useTestDatabase();

const UPSTREAM_KEY = "sk-ant-upstream-provider-credential";
// A current model both the SDK (no deprecation warning) and @pydantic/genai-prices know.
const MODEL = "claude-haiku-4-5";
// The fake reports Anthropic's uncached input_tokens; with no cache use that is the whole prompt.
// 1,234 input × $2/M + 567 output × $8/M = $0.002468 + $0.004536 = $0.007004.
const FAKE_USAGE = { inputTokens: 1234, outputTokens: 567, cacheReadTokens: 0, cacheWriteTokens: 0 };
const CUSTOM_COST_USD = 0.007004;
const PRICES = [{ model: MODEL, inputPerMillion: 2, outputPerMillion: 8, cacheReadPerMillion: 0.5, cacheWritePerMillion: 4 }];
/** What every current Anthropic SDK sends. */
const SDK_ANTHROPIC_VERSION = "2023-06-01";

let gateway: TestGateway;
let upstream: FakeServer;
let gatewayKey: string;

beforeAll(async () => {
  upstream = await startFakeAnthropic({ apiKey: UPSTREAM_KEY, behaviour: { usage: FAKE_USAGE } });
  const provider = { type: "anthropic", baseUrl: upstream.url, apiKey: UPSTREAM_KEY };
  ({ gateway, gatewayKey } = await startGatewayWithProviders("anthropic", [
    { ...provider, slug: "claude", prices: PRICES },
    { ...provider, slug: "claude-catalog" },
  ]));
});

afterAll(async () => {
  await upstream?.close();
  await gateway?.close();
});

// Whatever usage a test set on the fake, the next one starts from the usual answers.
beforeEach(() => upstream.setBehaviour({ usage: FAKE_USAGE }));

function clientFor(route = "claude", options: { defaultHeaders?: Record<string, string> } = {}): Anthropic {
  return new Anthropic({ baseURL: `${gateway.proxyUrl}/${route}`, apiKey: gatewayKey, maxRetries: 0, ...options });
}

const messageBody = { model: MODEL, max_tokens: 1024, messages: [{ role: "user" as const, content: "Hi" }] };
const usageRow = (requestId: string | null) => usageRowOf(gateway, requestId);
const expectedRow = (route: string, costUsd: number) => meteredRow(route, MODEL, FAKE_USAGE, costUsd);

function expectProviderCredential(request: RecordedRequest, anthropicVersion = SDK_ANTHROPIC_VERSION): void {
  expect(request.headers["x-api-key"]).toBe(UPSTREAM_KEY);
  expect(request.headers["anthropic-version"]).toBe(anthropicVersion);
  expect(request.headers.authorization).toBeUndefined();
}

/** Reads a stream to its end: its usage is recorded only once it ends. */
async function readToEnd(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const event of stream) expect(event).toBeTruthy();
}

describe("anthropic messages", () => {
  it("answers a JSON message and meters it at the provider's custom price", async () => {
    const { data, response } = await clientFor().messages.create(messageBody).withResponse();
    expect(data.content).toEqual([{ type: "text", text: DEFAULT_REPLY_TEXT }]);
    expect(data.usage).toMatchObject({ input_tokens: 1234, output_tokens: 567 });
    expectGatewayHeaders(response.headers, "claude", "json");
    expect(response.headers.get("x-gateway-cost-usd")).toBe(CUSTOM_COST_USD.toFixed(6));

    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: "/v1/messages", search: "", json: messageBody });
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("claude", CUSTOM_COST_USD));
  });

  it("streams with client.messages.stream and meters message_start + message_delta usage", async () => {
    const stream = clientFor().messages.stream(messageBody);
    const texts: string[] = [];
    stream.on("text", (delta) => texts.push(delta));
    const message = await stream.finalMessage();
    const { response } = await stream.withResponse();
    expect(texts.length).toBeGreaterThan(2);
    expect(texts.join("")).toBe(DEFAULT_REPLY_TEXT);
    expect(message.usage.output_tokens).toBe(567);
    expectGatewayHeaders(response.headers, "claude", "stream");

    const received = upstream.requests.at(-1)!;
    // Anthropic streams always carry usage: the body goes upstream as the client wrote it.
    expect(received.json).toEqual({ ...messageBody, stream: true });
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("claude", CUSTOM_COST_USD));
  });

  it("streams with messages.create({ stream: true }), every event reaching the client", async () => {
    const { data: stream, response } = await clientFor().messages.create({ ...messageBody, stream: true }).withResponse();
    const types: string[] = [];
    let text = "";
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === "content_block_delta" && event.delta.type === "text_delta") text += event.delta.text;
    }
    expect(text).toBe(DEFAULT_REPLY_TEXT);
    expect(types[0]).toBe("message_start");
    expect(types).toContain("message_delta");
    expect(types.at(-1)).toBe("message_stop");
    expectGatewayHeaders(response.headers, "claude", "stream");
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("claude", CUSTOM_COST_USD));
  });

  it.each([
    ["JSON", false],
    ["stream", true],
  ])("counts cache reads and writes into the input and prices them at their own rates (%s)", async (_name, stream) => {
    upstream.setBehaviour({ usage: { inputTokens: 1000, outputTokens: 100, cacheReadTokens: 2000, cacheWriteTokens: 400 } });
    const { data, response } = await clientFor().messages.create({ ...messageBody, stream }).withResponse();
    if (stream) await readToEnd(data as AsyncIterable<unknown>);
    // 1,000 uncached × $2/M + 2,000 cache reads × $0.50/M + 400 cache writes × $4/M + 100 output × $8/M
    // = $0.002 + $0.001 + $0.0016 + $0.0008 = $0.0054
    if (!stream) expect(response.headers.get("x-gateway-cost-usd")).toBe("0.005400");
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject({
      provider: "claude",
      model: MODEL,
      status: 200,
      inputTokens: 3400,
      outputTokens: 100,
      costUsd: 0.0054,
    });
  });

  it.each([
    ["JSON", false],
    ["stream", true],
  ])("prices %s messages from the genai-prices catalog when the provider sets no prices", async (_name, stream) => {
    const { data, response } = await clientFor("claude-catalog").messages.create({ ...messageBody, stream }).withResponse();
    if (stream) await readToEnd(data as AsyncIterable<unknown>);
    // Catalog and custom price differ, so this also proves the custom price won above.
    const catalogCost = catalogCostUsd("anthropic", MODEL, FAKE_USAGE, CUSTOM_COST_USD);
    if (!stream) expect(response.headers.get("x-gateway-cost-usd")).toBe(catalogCost.toFixed(6));
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject(expectedRow("claude-catalog", catalogCost));
  });
});

describe("anthropic count_tokens", () => {
  it("answers with the upstream's count and costs nothing", async () => {
    const { data, response } = await clientFor().messages.countTokens({ model: MODEL, messages: messageBody.messages }).withResponse();
    expect(data.input_tokens).toBe(FAKE_USAGE.inputTokens);
    expectGatewayHeaders(response.headers, "claude", "json");
    expect(response.headers.get("x-gateway-cost-usd")).toBe("0.000000");
    const received = upstream.requests.at(-1)!;
    expect(received).toMatchObject({ method: "POST", path: "/v1/messages/count_tokens" });
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
    expect(await usageRow(response.headers.get("x-gateway-request-id"))).toMatchObject({ provider: "claude", status: 200, costUsd: 0, error: null });
  });
});

describe("anthropic headers", () => {
  it("passes the client's anthropic-version and anthropic-beta through", async () => {
    const { response } = await clientFor()
      .messages.create(messageBody, { headers: { "anthropic-version": "2099-01-01", "anthropic-beta": "context-1m-2025-08-07" } })
      .withResponse();
    expect(response.status).toBe(200);
    const received = upstream.requests.at(-1)!;
    expectProviderCredential(received, "2099-01-01");
    expect(received.headers["anthropic-beta"]).toBe("context-1m-2025-08-07");
  });

  it("adds the default anthropic-version for a plain HTTP client that sends none", async () => {
    const response = await fetch(`${gateway.proxyUrl}/claude/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": gatewayKey, "content-type": "application/json" },
      body: JSON.stringify(messageBody),
    });
    expect(response.status).toBe(200);
    expectGatewayHeaders(response.headers, "claude", "json");
    expectProviderCredential(upstream.requests.at(-1)!, SDK_ANTHROPIC_VERSION);
  });

  it("forwards harmless client headers, but no client credential or cookie", async () => {
    const client = new Anthropic({
      baseURL: `${gateway.proxyUrl}/claude`,
      apiKey: gatewayKey,
      authToken: gatewayKey, // the SDK then sends both x-api-key and Authorization: Bearer
      maxRetries: 0,
      defaultHeaders: CLIENT_EXTRA_HEADERS,
    });
    const { response } = await client.messages.create(messageBody).withResponse();
    expect(response.status).toBe(200);
    const received = upstream.requests.at(-1)!;
    expectClientHeadersFiltered(received);
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
  });

  it("accepts the gateway key as Authorization: Bearer alone, and still sends only the provider's x-api-key", async () => {
    const client = new Anthropic({ baseURL: `${gateway.proxyUrl}/claude`, apiKey: null, authToken: gatewayKey, maxRetries: 0 });
    const { response } = await client.messages.create(messageBody).withResponse();
    expect(response.status).toBe(200);
    const received = upstream.requests.at(-1)!;
    expectProviderCredential(received);
    expectNoGatewayKey(received, gatewayKey);
  });

  it("never sent the gateway key upstream in any request of this file", () => {
    expectNoGatewayKeyInAny(upstream.requests, gatewayKey, { moreThan: 8 });
  });
});
