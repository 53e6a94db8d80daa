// A fake Anthropic API speaking the real wire format, for integration tests:
// v1/messages (JSON and SSE with message_start, content blocks, ping,
// message_delta, message_stop), v1/messages/count_tokens and v1/models.
// Like the real API it refuses requests without an anthropic-version header.
//
// Usage mapping (Anthropic's own fields): inputTokens → input_tokens (the uncached
// part), cacheReadTokens → cache_read_input_tokens, cacheWriteTokens →
// cache_creation_input_tokens, outputTokens → output_tokens.
import { randomBytes } from "node:crypto";
import {
  sseEvent,
  startFakeServer,
  wordChunks,
  type FakeExchange,
  type FakeServer,
  type FakeServerOptions,
  type FakeUsage,
} from "./fake-server";

export type { FakeBehaviour, FakeServer, RecordedRequest } from "./fake-server";

const DEFAULT_MODELS = ["claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001"];

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  504: "timeout_error",
  529: "overloaded_error",
};

/** The real API's error body for a status. */
export function anthropicErrorBody(status: number, message?: string): unknown {
  const type = ERROR_TYPES[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
  const defaultMessage = type === "overloaded_error" ? "Overloaded" : `fake ${type}`;
  return { type: "error", error: { type, message: message ?? defaultMessage }, request_id: requestId() };
}

const requestId = () => `req_${randomBytes(12).toString("hex")}`;
const messageId = () => `msg_${randomBytes(12).toString("hex")}`;
const field = (json: unknown, name: string): unknown =>
  typeof json === "object" && json !== null ? (json as Record<string, unknown>)[name] : undefined;

function messageUsage(usage: FakeUsage, outputTokens: number) {
  return {
    input_tokens: usage.inputTokens,
    cache_creation_input_tokens: usage.cacheWriteTokens,
    cache_read_input_tokens: usage.cacheReadTokens,
    cache_creation: { ephemeral_5m_input_tokens: usage.cacheWriteTokens, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: "standard",
  };
}

async function messages(exchange: FakeExchange): Promise<void> {
  const { request, usage, replyText } = exchange;
  const headers = { "request-id": requestId() };
  const message = {
    id: messageId(),
    type: "message",
    role: "assistant",
    model: exchange.answerModel("claude-sonnet-4-5-20250929"),
    content: [] as unknown[],
    stop_reason: null as string | null,
    stop_sequence: null,
    usage: messageUsage(usage, usage.outputTokens),
  };
  if (field(request.json, "stream") !== true) {
    const content = [{ type: "text", text: replyText }];
    return exchange.sendJson(200, { ...message, content, stop_reason: "end_turn" }, headers);
  }
  const events = [
    sseEvent({ type: "message_start", message: { ...message, usage: messageUsage(usage, 1) } }, "message_start"),
    sseEvent({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }, "content_block_start"),
    sseEvent({ type: "ping" }, "ping"),
    ...wordChunks(replyText).map((text) =>
      sseEvent({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } }, "content_block_delta"),
    ),
    sseEvent({ type: "content_block_stop", index: 0 }, "content_block_stop"),
    sseEvent(
      { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: usage.outputTokens } },
      "message_delta",
    ),
    sseEvent({ type: "message_stop" }, "message_stop"),
  ];
  return exchange.sendStream(events, headers);
}

async function models(exchange: FakeExchange, modelId: string | undefined): Promise<void> {
  const ids = exchange.behaviour.models ?? DEFAULT_MODELS;
  const describe = (id: string) => ({ type: "model", id, display_name: id, created_at: "2025-09-29T00:00:00Z" });
  if (modelId !== undefined) {
    if (ids.includes(modelId)) return exchange.sendJson(200, describe(modelId));
    return exchange.sendJson(404, anthropicErrorBody(404, `model: ${modelId}`));
  }
  return exchange.sendJson(200, { data: ids.map(describe), has_more: false, first_id: ids[0] ?? null, last_id: ids.at(-1) ?? null });
}

export function startFakeAnthropic(options: FakeServerOptions = {}): Promise<FakeServer> {
  return startFakeServer(
    {
      basePath: "",
      hasValidKey: (request, apiKey) =>
        request.headers["x-api-key"] === apiKey || request.headers.authorization === `Bearer ${apiKey}`,
      errorBody: anthropicErrorBody,
      handle(exchange) {
        const { method, path, headers } = exchange.request;
        if (!headers["anthropic-version"]) {
          return exchange.sendJson(400, anthropicErrorBody(400, "anthropic-version: header is required"));
        }
        const segments = path.split("/").filter(Boolean);
        const last = segments.at(-1);
        if (method === "POST" && last === "messages") return messages(exchange);
        if (method === "POST" && last === "count_tokens") {
          return exchange.sendJson(200, { input_tokens: exchange.usage.inputTokens });
        }
        if (method === "GET" && last === "models") return models(exchange, undefined);
        if (method === "GET" && segments.at(-2) === "models") return models(exchange, decodeURIComponent(last ?? ""));
        return exchange.sendJson(404, anthropicErrorBody(404, `Not found: ${method} ${path}`));
      },
    },
    options,
  );
}
