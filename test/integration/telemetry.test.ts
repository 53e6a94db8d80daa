// Telemetry (SPEC §1, issue 5): every proxy request of an organization with
// telemetry on arrives at its OTLP endpoint as an OpenTelemetry GenAI span —
// decoded here from the protobuf by an in-process receiver — with content only
// when capture is on, attempt child spans after a failover, the client's trace
// continued, and the request log carrying the same trace id. (A collector that is
// down or hangs: telemetry-collector-failures.test.ts; the settings form's "Send
// test span": telemetry-test-span.test.ts.)
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { flushUsage, type TestGateway } from "../helpers/gateway";
import { startGatewayWithProviders } from "../helpers/provider-scenario";
import { OTLP_SPAN_KIND, OTLP_STATUS, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "../helpers/otlp-receiver";
import { startFakeOpenAI } from "../fakes/openai-upstream";
import { startFakeAnthropic } from "../fakes/anthropic-upstream";
import { startFakeGemini } from "../fakes/google-upstream";
import { DEFAULT_REPLY_TEXT, type FakeServer } from "../fakes/fake-server";
import { configureTelemetry as configureOrganizationTelemetry, organizationOfKey, TEST_WRITE_TOKEN, type TestTelemetrySettings } from "../helpers/telemetry-settings";

useTestDatabase();
// Export within milliseconds of a request instead of the default second.
process.env.OTEL_BSP_SCHEDULE_DELAY = "10";

const USAGE = { inputTokens: 12, outputTokens: 7, cacheReadTokens: 5, cacheWriteTokens: 3 };

let gateway: TestGateway;
let receiver: OtlpReceiver;
let openai: FakeServer;
let secondary: FakeServer;
let anthropic: FakeServer;
let gemini: FakeServer;
let gatewayKey: string;
let keyId: string;
let organizationId: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  [openai, secondary] = await Promise.all([startFakeOpenAI({ behaviour: { usage: USAGE } }), startFakeOpenAI()]);
  anthropic = await startFakeAnthropic({ behaviour: { usage: USAGE } });
  gemini = await startFakeGemini({ apiKey: "goog" });
  const prices = [{ model: "gpt-4o-mini", inputPerMillion: 1, outputPerMillion: 2 }];
  ({ gateway, gatewayKey, keyId } = await startGatewayWithProviders("telemetry", [
    { slug: "openai", type: "openai", baseUrl: openai.url, apiKey: "sk-openai", prices },
    { slug: "secondary", type: "openai", baseUrl: secondary.url, apiKey: "sk-secondary", prices },
    { slug: "claude", type: "anthropic", baseUrl: anthropic.url, apiKey: "sk-ant" },
    { slug: "gemini", type: "google", baseUrl: gemini.url, apiKey: "goog" },
  ]));
  const group = await gateway.api("POST", "/api/v1/routing-groups", {
    slug: "main",
    members: [{ provider: "openai", priority: 10, weight: 1 }, { provider: "secondary", priority: 0, weight: 1 }],
  });
  expect(group.status).toBe(201);
  organizationId = await organizationOfKey(keyId);
});

afterAll(async () => {
  delete process.env.OTEL_BSP_SCHEDULE_DELAY;
  await Promise.all([openai, secondary, anthropic, gemini, receiver].map((server) => server?.close()));
  await gateway?.close();
});

beforeEach(async () => {
  openai.setBehaviour({ usage: USAGE });
  receiver.setBehaviour({});
  await configureTelemetry({ endpoint: receiver.url, captureContent: true });
});

const configureTelemetry = (settings: TestTelemetrySettings) => configureOrganizationTelemetry(organizationId, settings);

async function proxyPost(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(`${gateway.proxyUrl}/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${gatewayKey}`, "content-type": "application/json", "anthropic-version": "2023-06-01", ...headers },
    body: JSON.stringify(body),
  });
  await response.text(); // read to the end: a stream's request finishes with its last byte
  return response;
}

/** The spans of one request (its own span first), waiting until they have been exported. */
async function spansOf(response: Response): Promise<ReceivedSpan[]> {
  const requestId = response.headers.get("x-gateway-request-id");
  const { flushRequestTelemetry } = await import("@/proxy/telemetry");
  const deadline = Date.now() + 5_000;
  for (;;) {
    await flushRequestTelemetry();
    const own = receiver.spans().find((span) => span.attributes["gateway.request.id"] === requestId);
    if (own) return [own, ...receiver.spans().filter((span) => span.parentSpanId === own.spanId)];
    if (Date.now() > deadline) throw new Error(`no span exported for request ${requestId}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const json = (value: unknown) => JSON.parse(String(value));
const chatBody = {
  model: "gpt-4o-mini",
  messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }],
  max_tokens: 50,
  temperature: 0.2,
  top_p: 0.9,
  stop: ["END"],
  seed: 7,
};

describe("the span of an OpenAI chat completion", () => {
  it("follows the GenAI conventions, carries the gateway's attributes and goes to the endpoint with its headers", async () => {
    const response = await proxyPost("openai/chat/completions", chatBody);
    expect(response.status).toBe(200);
    const [span] = await spansOf(response);
    expect(span.name).toBe("chat gpt-4o-mini");
    expect(span.kind).toBe(OTLP_SPAN_KIND.CLIENT);
    expect(span.status.code).toBe(OTLP_STATUS.UNSET);
    expect(span.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.system": "openai",
      "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.request.max_tokens": 50,
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.top_p": 0.9,
      "gen_ai.request.stop_sequences": ["END"],
      "gen_ai.request.seed": 7,
      "gen_ai.response.model": "gpt-4o-mini",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.usage.output_tokens": 7,
      "gen_ai.usage.cache_read.input_tokens": 5,
      "gateway.key.id": keyId,
      "gateway.key.name": "telemetry",
      "gateway.project": "default",
      "gateway.route": "openai",
      "gateway.provider": "openai",
      "gateway.attempts": 1,
      "http.response.status_code": 200,
    });
    expect(span.attributes["gen_ai.response.id"]).toMatch(/^chatcmpl-/);
    // 12 input × $1/M + 7 output × $2/M, exactly what x-gateway-cost-usd says.
    expect(span.attributes["operation.cost"]).toBeCloseTo(0.000026, 9);
    expect(Number(response.headers.get("x-gateway-cost-usd"))).toBeCloseTo(span.attributes["operation.cost"] as number, 9);
    expect(span.attributes["error.type"]).toBeUndefined();
    expect(span.resource["service.name"]).toBe("gateway");
    expect(JSON.stringify(span.attributes)).not.toContain(gatewayKey);

    const delivery = receiver.exports.find((received) => received.spans.includes(span))!;
    expect(delivery.path).toBe("/v1/traces");
    expect(delivery.headers.authorization).toBe(TEST_WRITE_TOKEN);
    expect(delivery.headers["content-type"]).toBe("application/x-protobuf");
  });

  it("captures the messages when content capture is on", async () => {
    const [span] = await spansOf(await proxyPost("openai/chat/completions", chatBody));
    expect(json(span.attributes["gen_ai.input.messages"])).toEqual([
      { role: "system", parts: [{ type: "text", content: "Be brief." }] },
      { role: "user", parts: [{ type: "text", content: "Hi" }] },
    ]);
    expect(json(span.attributes["gen_ai.output.messages"])).toEqual([
      { role: "assistant", parts: [{ type: "text", content: DEFAULT_REPLY_TEXT }], finish_reason: "stop" },
    ]);
    // Chat history carries OpenAI's system message; there are no separate instructions.
    expect(span.attributes["gen_ai.system_instructions"]).toBeUndefined();
  });

  it("has no message attributes when content capture is off, and everything else", async () => {
    await configureTelemetry({ endpoint: receiver.url, captureContent: false });
    const [span] = await spansOf(await proxyPost("openai/chat/completions", chatBody));
    expect(span.attributes["gen_ai.input.messages"]).toBeUndefined();
    expect(span.attributes["gen_ai.output.messages"]).toBeUndefined();
    expect(span.attributes["gen_ai.system_instructions"]).toBeUndefined();
    expect(JSON.stringify(span.attributes)).not.toContain(DEFAULT_REPLY_TEXT);
    expect(span.attributes["gen_ai.usage.output_tokens"]).toBe(7);
  });

  it("assembles a stream's output from its chunks", async () => {
    const response = await proxyPost("openai/chat/completions", { ...chatBody, stream: true });
    const [span] = await spansOf(response);
    expect(span.name).toBe("chat gpt-4o-mini");
    expect(span.attributes).toMatchObject({ "gen_ai.request.stream": true, "gen_ai.usage.input_tokens": 12, "gen_ai.usage.output_tokens": 7 });
    expect(span.attributes["gen_ai.response.time_to_first_chunk"]).toBeGreaterThanOrEqual(0);
    expect(json(span.attributes["gen_ai.output.messages"])).toEqual([
      { role: "assistant", parts: [{ type: "text", content: DEFAULT_REPLY_TEXT }], finish_reason: "stop" },
    ]);
  });

  it("continues the client's trace, and the request log carries the exported trace id", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const parentSpanId = "00f067aa0ba902b7";
    const response = await proxyPost("openai/chat/completions", chatBody, { traceparent: `00-${traceId}-${parentSpanId}-01` });
    const [span] = await spansOf(response);
    expect(span.traceId).toBe(traceId);
    expect(span.parentSpanId).toBe(parentSpanId);

    const own = await spansOf(await proxyPost("openai/chat/completions", chatBody));
    expect(own[0].parentSpanId).toBeNull();
    await flushUsage();
    const log = await gateway.api("GET", "/api/v1/usage?limit=10");
    const traceIdOf = (requestResponse: Response) =>
      log.body.items.find((item: { id: string }) => item.id === requestResponse.headers.get("x-gateway-request-id"))?.traceId;
    expect(traceIdOf(response)).toBe(traceId);
  });

  it("records a refused request as an error", async () => {
    const response = await proxyPost("no-such-route/chat/completions", chatBody);
    expect(response.status).toBe(404);
    const [span] = await spansOf(response);
    expect(span.status.code).toBe(OTLP_STATUS.ERROR);
    expect(span.attributes).toMatchObject({ "error.type": "route_not_found", "http.response.status_code": 404, "gateway.key.id": keyId });
  });

  it("exports nothing when telemetry is off", async () => {
    await configureTelemetry({ endpoint: receiver.url, enabled: false });
    const before = receiver.spans().length;
    const response = await proxyPost("openai/chat/completions", chatBody);
    expect(response.status).toBe(200);
    await flushUsage();
    const { flushRequestTelemetry } = await import("@/proxy/telemetry");
    await flushRequestTelemetry();
    expect(receiver.spans().length).toBe(before);
  });
});

describe("a routing group's failover", () => {
  it("adds one child span per attempt under the request's span", async () => {
    openai.setBehaviour({ status: 503 });
    const response = await proxyPost("main/chat/completions", chatBody);
    expect(response.headers.get("x-gateway-provider")).toBe("secondary");
    const [span, ...attempts] = await spansOf(response);
    expect(span.attributes).toMatchObject({ "gateway.attempts": 2, "gateway.provider": "secondary", "gateway.route": "main" });
    expect(span.status.code).toBe(OTLP_STATUS.UNSET);
    expect(attempts.map((attempt) => attempt.name)).toEqual(["attempt openai", "attempt secondary"]);
    const [failed, answered] = attempts;
    expect(failed.attributes).toMatchObject({
      "gateway.attempt.number": 1,
      "gateway.provider": "openai",
      "http.response.status_code": 503,
      "gateway.attempt.outcome": "failed_over",
      "error.type": "503",
    });
    expect(failed.status.code).toBe(OTLP_STATUS.ERROR);
    expect(answered.attributes).toMatchObject({ "gateway.attempt.number": 2, "gateway.provider": "secondary", "http.response.status_code": 200, "gateway.attempt.outcome": "answered" });
    for (const attempt of attempts) {
      expect(attempt.traceId).toBe(span.traceId);
      expect(attempt.startTimeUnixNano).toBeGreaterThanOrEqual(span.startTimeUnixNano);
      expect(attempt.endTimeUnixNano).toBeLessThanOrEqual(span.endTimeUnixNano);
    }
    expect(failed.endTimeUnixNano).toBeLessThanOrEqual(answered.startTimeUnixNano);
  });

  it("adds no child span when the first attempt answers", async () => {
    const spans = await spansOf(await proxyPost("main/chat/completions", chatBody));
    expect(spans).toHaveLength(1);
  });
});

describe("Anthropic and Gemini spans", () => {
  const messagesBody = {
    model: "claude-haiku-4-5",
    max_tokens: 100,
    temperature: 0.5,
    top_k: 40,
    stop_sequences: ["STOP"],
    system: [{ type: "text", text: "You are terse." }],
    messages: [{ role: "user", content: [{ type: "text", text: "Hello?" }] }],
  };

  it.each([false, true])("Anthropic messages (stream: %s)", async (stream) => {
    const [span] = await spansOf(await proxyPost("claude/v1/messages", { ...messagesBody, stream }));
    expect(span.name).toBe("chat claude-haiku-4-5");
    expect(span.attributes).toMatchObject({
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.max_tokens": 100,
      "gen_ai.request.temperature": 0.5,
      "gen_ai.request.top_k": 40,
      "gen_ai.request.stop_sequences": ["STOP"],
      "gen_ai.request.stream": stream,
      "gen_ai.response.finish_reasons": ["end_turn"],
      // Anthropic's uncached input plus cache reads and writes: the whole prompt.
      "gen_ai.usage.input_tokens": 12 + 5 + 3,
      "gen_ai.usage.cache_read.input_tokens": 5,
      "gen_ai.usage.cache_creation.input_tokens": 3,
      "gen_ai.usage.output_tokens": 7,
    });
    expect(span.attributes["gen_ai.response.id"]).toMatch(/^msg_/);
    expect(json(span.attributes["gen_ai.system_instructions"])).toEqual([{ type: "text", content: "You are terse." }]);
    expect(json(span.attributes["gen_ai.input.messages"])).toEqual([{ role: "user", parts: [{ type: "text", content: "Hello?" }] }]);
    expect(json(span.attributes["gen_ai.output.messages"])).toEqual([
      { role: "assistant", parts: [{ type: "text", content: DEFAULT_REPLY_TEXT }], finish_reason: "stop" },
    ]);
  });

  const generateBody = {
    systemInstruction: { parts: [{ text: "Answer in French." }] },
    contents: [{ role: "user", parts: [{ text: "Good morning" }] }],
    generationConfig: { maxOutputTokens: 64, temperature: 0.1, topP: 0.8, stopSequences: ["FIN"], seed: 3 },
  };

  it.each([
    ["generateContent", false],
    ["streamGenerateContent?alt=sse", true],
  ])("Gemini %s", async (method, stream) => {
    const response = await proxyPost(`gemini/v1beta/models/gemini-2.5-flash:${method}`, generateBody, { "x-goog-api-key": gatewayKey });
    expect(response.status).toBe(200);
    const [span] = await spansOf(response);
    expect(span.name).toBe("chat gemini-2.5-flash");
    expect(span.attributes).toMatchObject({
      "gen_ai.provider.name": "gcp.gemini",
      "gen_ai.request.model": "gemini-2.5-flash",
      "gen_ai.request.max_tokens": 64,
      "gen_ai.request.temperature": 0.1,
      "gen_ai.request.top_p": 0.8,
      "gen_ai.request.stop_sequences": ["FIN"],
      "gen_ai.request.seed": 3,
      "gen_ai.request.stream": stream,
      "gen_ai.response.finish_reasons": ["STOP"],
      "gen_ai.usage.input_tokens": 10,
      "gen_ai.usage.output_tokens": 20,
    });
    expect(typeof span.attributes["gen_ai.response.id"]).toBe("string");
    expect(json(span.attributes["gen_ai.system_instructions"])).toEqual([{ type: "text", content: "Answer in French." }]);
    expect(json(span.attributes["gen_ai.input.messages"])).toEqual([{ role: "user", parts: [{ type: "text", content: "Good morning" }] }]);
    expect(json(span.attributes["gen_ai.output.messages"])).toEqual([
      { role: "assistant", parts: [{ type: "text", content: DEFAULT_REPLY_TEXT }], finish_reason: "stop" },
    ]);
  });
});
