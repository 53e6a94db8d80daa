// A fake OpenAI API speaking the real wire format, for integration tests:
// chat/completions (JSON and SSE; the usage chunk only when the request sets
// stream_options.include_usage, like the real API), completions, responses
// (JSON and SSE), embeddings (float or base64) and models.
//
// Usage mapping: inputTokens → prompt_tokens / input_tokens (the whole prompt),
// cacheReadTokens → *_tokens_details.cached_tokens, outputTokens → completion/output tokens.
import { randomUUID } from "node:crypto";
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

const DEFAULT_MODELS = ["gpt-4o-mini", "gpt-4.1", "text-embedding-3-small"];

/** The real API's error body for a status. */
export function openAIErrorBody(status: number, message?: string): unknown {
  const [type, code, defaultMessage] =
    status === 401
      ? ["invalid_request_error", "invalid_api_key", "Incorrect API key provided."]
      : status === 404
        ? ["invalid_request_error", "model_not_found", "The model does not exist or you do not have access to it."]
        : status === 429
          ? ["requests", "rate_limit_exceeded", "Rate limit reached for requests. Please try again later."]
          : status >= 500
            ? ["server_error", null, "The server had an error while processing your request. Sorry about that!"]
            : ["invalid_request_error", null, "Invalid request."];
  return { error: { message: message ?? defaultMessage, type, param: null, code } };
}

function chatUsage(usage: FakeUsage) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cacheReadTokens, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function responsesUsage(usage: FakeUsage) {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: usage.cacheReadTokens },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

const created = () => Math.floor(Date.now() / 1000);
const field = (json: unknown, name: string): unknown =>
  typeof json === "object" && json !== null ? (json as Record<string, unknown>)[name] : undefined;
const wantsUsage = (json: unknown) => field(field(json, "stream_options"), "include_usage") === true;

async function chatCompletions(exchange: FakeExchange): Promise<void> {
  const { request, usage, replyText } = exchange;
  const model = exchange.answerModel("gpt-4o-mini");
  const id = `chatcmpl-${randomUUID().replaceAll("-", "")}`;
  if (field(request.json, "stream") !== true) {
    return exchange.sendJson(200, {
      id, object: "chat.completion", created: created(), model,
      choices: [{ index: 0, message: { role: "assistant", content: replyText, refusal: null, annotations: [] }, logprobs: null, finish_reason: "stop" }],
      usage: chatUsage(usage), service_tier: "default", system_fingerprint: "fp_fake",
    });
  }
  const includeUsage = wantsUsage(request.json);
  const chunk = (choices: unknown[], usageValue: unknown = null) =>
    sseEvent({
      id, object: "chat.completion.chunk", created: created(), model, service_tier: "default", system_fingerprint: "fp_fake",
      choices, ...(includeUsage ? { usage: usageValue } : {}),
    });
  const events = [chunk([{ index: 0, delta: { role: "assistant", content: "", refusal: null }, logprobs: null, finish_reason: null }])];
  for (const piece of wordChunks(replyText)) {
    events.push(chunk([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }]));
  }
  events.push(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: "stop" }]));
  if (includeUsage) events.push(chunk([], chatUsage(usage)));
  events.push(sseEvent("[DONE]"));
  return exchange.sendStream(events);
}

async function textCompletions(exchange: FakeExchange): Promise<void> {
  const { request, usage, replyText } = exchange;
  const model = exchange.answerModel("gpt-3.5-turbo-instruct");
  const id = `cmpl-${randomUUID().replaceAll("-", "")}`;
  const base = { id, object: "text_completion", created: created(), model };
  if (field(request.json, "stream") !== true) {
    return exchange.sendJson(200, {
      ...base,
      choices: [{ text: replyText, index: 0, logprobs: null, finish_reason: "stop" }],
      usage: { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens },
    });
  }
  const includeUsage = wantsUsage(request.json);
  const pieces = wordChunks(replyText);
  const events = pieces.map((piece, index) =>
    sseEvent({
      ...base,
      choices: [{ text: piece, index: 0, logprobs: null, finish_reason: index === pieces.length - 1 ? "stop" : null }],
      ...(includeUsage ? { usage: null } : {}),
    }),
  );
  if (includeUsage) {
    events.push(sseEvent({ ...base, choices: [], usage: { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens } }));
  }
  events.push(sseEvent("[DONE]"));
  return exchange.sendStream(events);
}

async function responses(exchange: FakeExchange): Promise<void> {
  const { request, usage, replyText } = exchange;
  const id = `resp_${randomUUID().replaceAll("-", "")}`;
  const messageId = `msg_${randomUUID().replaceAll("-", "")}`;
  const inProgress = {
    id, object: "response", created_at: created(), status: "in_progress", background: false, error: null,
    incomplete_details: null, instructions: field(request.json, "instructions") ?? null,
    max_output_tokens: field(request.json, "max_output_tokens") ?? null, model: exchange.answerModel("gpt-4.1"),
    output: [] as unknown[], parallel_tool_calls: true, previous_response_id: null, reasoning: { effort: null, summary: null },
    service_tier: "auto", store: true, temperature: 1, text: { format: { type: "text" } }, tool_choice: "auto", tools: [],
    top_p: 1, truncation: "disabled", usage: null as unknown, user: null, metadata: {},
  };
  const part = { type: "output_text", annotations: [], logprobs: [], text: replyText };
  const message = { id: messageId, type: "message", status: "completed", content: [part], role: "assistant" };
  const completed = { ...inProgress, status: "completed", output: [message], usage: responsesUsage(usage) };
  if (field(request.json, "stream") !== true) return exchange.sendJson(200, completed);

  let sequence = 0;
  const event = (type: string, data: Record<string, unknown>) => sseEvent({ type, sequence_number: sequence++, ...data }, type);
  const position = { item_id: messageId, output_index: 0, content_index: 0 };
  const events = [
    event("response.created", { response: inProgress }),
    event("response.in_progress", { response: inProgress }),
    event("response.output_item.added", { output_index: 0, item: { ...message, status: "in_progress", content: [] } }),
    event("response.content_part.added", { ...position, part: { ...part, text: "" } }),
    ...wordChunks(replyText).map((delta) => event("response.output_text.delta", { ...position, delta, logprobs: [] })),
    event("response.output_text.done", { ...position, text: replyText, logprobs: [] }),
    event("response.content_part.done", { ...position, part }),
    event("response.output_item.done", { output_index: 0, item: message }),
    event("response.completed", { response: completed }),
  ];
  return exchange.sendStream(events);
}

async function embeddings(exchange: FakeExchange): Promise<void> {
  const { request, usage } = exchange;
  const input = field(request.json, "input");
  const inputs = Array.isArray(input) && (input.length === 0 || typeof input[0] !== "number") ? input : [input];
  const dimensions = Number(field(request.json, "dimensions")) || 8;
  const base64 = field(request.json, "encoding_format") === "base64";
  const data = inputs.map((_, index) => {
    const vector = Float32Array.from({ length: dimensions }, (__, position) => Math.sin(index + position + 1) / 10);
    const embedding = base64 ? Buffer.from(vector.buffer).toString("base64") : Array.from(vector);
    return { object: "embedding", index, embedding };
  });
  return exchange.sendJson(200, {
    object: "list", data, model: exchange.answerModel("text-embedding-3-small"),
    usage: { prompt_tokens: usage.inputTokens, total_tokens: usage.inputTokens },
  });
}

async function models(exchange: FakeExchange, modelId: string | undefined): Promise<void> {
  const ids = exchange.behaviour.models ?? DEFAULT_MODELS;
  const describe = (id: string) => ({ id, object: "model", created: 1_700_000_000, owned_by: "system" });
  if (modelId === undefined) return exchange.sendJson(200, { object: "list", data: ids.map(describe) });
  if (ids.includes(modelId)) return exchange.sendJson(200, describe(modelId));
  return exchange.sendJson(404, openAIErrorBody(404, `The model '${modelId}' does not exist`));
}

export function startFakeOpenAI(options: FakeServerOptions = {}): Promise<FakeServer> {
  return startFakeServer(
    {
      basePath: "/v1",
      hasValidKey: (request, apiKey) =>
        request.headers.authorization === `Bearer ${apiKey}` || request.headers["api-key"] === apiKey,
      errorBody: openAIErrorBody,
      handle(exchange) {
        // Match on trailing segments so the fake also serves base paths such as /openai/v1.
        const segments = exchange.request.path.split("/").filter(Boolean);
        const last = segments.at(-1);
        const post = exchange.request.method === "POST";
        if (post && last === "completions" && segments.at(-2) === "chat") return chatCompletions(exchange);
        if (post && last === "completions") return textCompletions(exchange);
        if (post && last === "responses") return responses(exchange);
        if (post && last === "embeddings") return embeddings(exchange);
        if (exchange.request.method === "GET" && last === "models") return models(exchange, undefined);
        if (exchange.request.method === "GET" && segments.at(-2) === "models") return models(exchange, decodeURIComponent(last ?? ""));
        return exchange.sendJson(404, openAIErrorBody(404, `Unknown request URL: ${exchange.request.method} ${exchange.request.path}`));
      },
    },
    options,
  );
}
