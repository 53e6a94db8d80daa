// A fake Mistral API for integration tests. Mistral speaks OpenAI's wire format with
// two differences the gateway relies on: it refuses stream_options (422
// extra_forbidden) and always reports usage on the last chunk that has choices.
// The shared OpenAI fake does neither.
import { sseEvent, startFakeServer, wordChunks, type FakeExchange, type FakeServer, type FakeServerOptions } from "./fake-server";
import { openAIErrorBody } from "./openai-upstream";

export type { FakeBehaviour, FakeServer, RecordedRequest } from "./fake-server";

export function startFakeMistral(options: FakeServerOptions = {}): Promise<FakeServer> {
  return startFakeServer(
    {
      basePath: "/v1",
      hasValidKey: (request, apiKey) => request.headers.authorization === `Bearer ${apiKey}`,
      errorBody: openAIErrorBody,
      handle: mistralChatCompletions,
    },
    options,
  );
}

async function mistralChatCompletions(exchange: FakeExchange): Promise<void> {
  const { request, usage, replyText } = exchange;
  if (request.method !== "POST" || !request.path.endsWith("/chat/completions")) {
    return exchange.sendJson(404, openAIErrorBody(404, `Unknown request URL: ${request.method} ${request.path}`));
  }
  const body = (request.json ?? {}) as { stream?: boolean; stream_options?: unknown };
  if (body.stream_options !== undefined) {
    return exchange.sendJson(422, {
      object: "error",
      message: { detail: [{ type: "extra_forbidden", loc: ["body", "stream_options"], msg: "Extra inputs are not permitted" }] },
      type: "invalid_request_message_error",
      param: null,
      code: null,
    });
  }
  const usageBody = { prompt_tokens: usage.inputTokens, completion_tokens: usage.outputTokens, total_tokens: usage.inputTokens + usage.outputTokens };
  const base = { id: "3b8c1f0e6a2d4b7c9e5f1a3d6b8c0e2f", created: 1751884520, model: exchange.answerModel("mistral-small-latest") };
  if (body.stream !== true) {
    return exchange.sendJson(200, {
      ...base,
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content: replyText, tool_calls: null }, finish_reason: "stop" }],
      usage: usageBody,
    });
  }
  const chunk = (delta: Record<string, unknown>, finishReason: string | null, extra: Record<string, unknown> = {}) =>
    sseEvent({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra });
  return exchange.sendStream([
    chunk({ role: "assistant", content: "" }, null),
    ...wordChunks(replyText).map((piece) => chunk({ content: piece }, null)),
    chunk({ content: "" }, "stop", { usage: usageBody }),
    sseEvent("[DONE]"),
  ]);
}
