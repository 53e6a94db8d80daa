import { describe, expect, it } from "vitest";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { MAX_CONTENT_ATTRIBUTE_CHARS } from "./content-attributes";
import { buildRequestSpans, type RequestSpanInput } from "./request-span";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

function input(overrides: Partial<RequestSpanInput> = {}): RequestSpanInput {
  return {
    traceId: TRACE_ID,
    parentSpanId: null,
    requestId: "request-1",
    startedAt: 1_700_000_000_000,
    endedAt: 1_700_000_000_250,
    ttfbMs: 40,
    operation: "chat",
    requestModel: "gpt-4o",
    stream: false,
    maxOutputTokens: 100,
    upstreamPath: "chat/completions",
    providerType: "openai",
    providerSlug: "openai-main",
    route: "openai-main",
    key: { id: "key-1", name: "backend", projectSlug: "shop", membershipId: null },
    status: 200,
    errorCode: null,
    errorMessage: null,
    usage: { inputTokens: 10, outputTokens: 5, cacheReadTokens: 2, cacheWriteTokens: 0, model: "gpt-4o-2024-08-06", responseId: "chatcmpl-1", finishReasons: ["stop"] },
    estimatedUsage: false,
    costMicros: 1_250n,
    attemptCount: 1,
    attempts: [{ providerSlug: "openai-main", providerType: "openai", startedAt: 1_700_000_000_010, endedAt: null, status: 200 }],
    requestBody: { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }], temperature: 0.3 },
    responseBody: { choices: [{ message: { role: "assistant", content: "Hello" }, finish_reason: "stop" }] },
    streamedText: null,
    captureContent: false,
    ...overrides,
  };
}

describe("buildRequestSpans", () => {
  it("describes a request as one CLIENT span named after its operation and model", () => {
    const [span, ...children] = buildRequestSpans(input());
    expect(children).toEqual([]);
    expect(span.name).toBe("chat gpt-4o");
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.spanContext().traceId).toBe(TRACE_ID);
    expect(span.parentSpanContext).toBeUndefined();
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.startTime).toEqual([1_700_000_000, 0]);
    expect(span.endTime).toEqual([1_700_000_000, 250_000_000]);
    expect(span.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4o",
      "gen_ai.request.max_tokens": 100,
      "gen_ai.request.temperature": 0.3,
      "gen_ai.response.model": "gpt-4o-2024-08-06",
      "gen_ai.response.id": "chatcmpl-1",
      "gen_ai.usage.cache_read.input_tokens": 2,
      "operation.cost": 0.00125,
      "gateway.project": "shop",
    });
    expect(span.attributes["gateway.member.id"]).toBeUndefined();
    expect(span.attributes["gen_ai.input.messages"]).toBeUndefined();
  });

  it("makes the client's span the parent", () => {
    const [span] = buildRequestSpans(input({ parentSpanId: "00f067aa0ba902b7" }));
    expect(span.parentSpanContext).toMatchObject({ traceId: TRACE_ID, spanId: "00f067aa0ba902b7", isRemote: true });
  });

  it("marks a failed request as an error with its code", () => {
    const [span] = buildRequestSpans(input({ status: 429, errorCode: "spending_limit_exceeded", errorMessage: "key daily limit of $5.00 reached", usage: null, attempts: [] }));
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: "key daily limit of $5.00 reached" });
    expect(span.attributes).toMatchObject({ "error.type": "spending_limit_exceeded", "http.response.status_code": 429 });
    expect(span.attributes["gen_ai.usage.input_tokens"]).toBeUndefined();
  });

  it("adds a child span per attempt when there were several, the last failing one marked failed", () => {
    const attempts = [
      { providerSlug: "a", providerType: "openai", startedAt: 1_700_000_000_000, endedAt: 1_700_000_000_050, failure: { reason: "timeout", message: "Timed out" } },
      { providerSlug: "b", providerType: "anthropic", startedAt: 1_700_000_000_050, endedAt: 1_700_000_000_090, status: 503, failure: { reason: "503", message: "status 503" } },
    ];
    const [span, first, second] = buildRequestSpans(input({ attempts, attemptCount: 2, status: 502, errorCode: "upstream_unavailable" }));
    expect([first.name, second.name]).toEqual(["attempt a", "attempt b"]);
    for (const child of [first, second]) {
      expect(child.parentSpanContext?.spanId).toBe(span.spanContext().spanId);
      expect(child.parentSpanContext?.isRemote).toBe(false);
      expect(child.status.code).toBe(SpanStatusCode.ERROR);
    }
    expect(first.attributes).toMatchObject({ "gateway.attempt.outcome": "failed_over", "error.type": "timeout" });
    expect(second.attributes).toMatchObject({ "gateway.attempt.outcome": "failed", "gen_ai.provider.name": "anthropic", "http.response.status_code": 503 });
    expect(second.endTime).toEqual([1_700_000_000, 90_000_000]);
  });

  it("captures content only when asked, from the stream's text when it was streamed", () => {
    const [streamed] = buildRequestSpans(input({ captureContent: true, stream: true, responseBody: null, streamedText: "Hel" + "lo", usage: { ...input().usage!, finishReasons: ["length"] } }));
    expect(JSON.parse(String(streamed.attributes["gen_ai.output.messages"]))).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "Hello" }], finish_reason: "length" },
    ]);
    expect(JSON.parse(String(streamed.attributes["gen_ai.input.messages"]))).toEqual([{ role: "user", parts: [{ type: "text", content: "Hi" }] }]);
    expect(streamed.attributes["gen_ai.response.time_to_first_chunk"]).toBe(0.04);
  });

  it("keeps content attributes bounded: inline data goes first, then the attribute", () => {
    const image = "A".repeat(MAX_CONTENT_ATTRIBUTE_CHARS);
    const requestBody = { messages: [{ role: "user", content: [{ type: "text", text: "Describe" }, { type: "image_url", image_url: { url: `data:image/png;base64,${image}` } }] }] };
    const [span] = buildRequestSpans(input({ captureContent: true, requestBody }));
    const messages = JSON.parse(String(span.attributes["gen_ai.input.messages"]));
    expect(messages[0].parts).toEqual([{ type: "text", content: "Describe" }, { type: "blob", modality: "image", mime_type: "image/png", content: "" }]);
    expect(span.attributes["gateway.content.truncated"]).toBe(true);

    const [huge] = buildRequestSpans(input({ captureContent: true, requestBody: { messages: [{ role: "user", content: image }] } }));
    expect(huge.attributes["gen_ai.input.messages"]).toBeUndefined();
    expect(huge.attributes["gen_ai.output.messages"]).toBeDefined();
  });
});
