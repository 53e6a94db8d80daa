// The Playground's wire formats: requests as each API expects them, and
// answers (streamed or JSON, whole or failing) read back into text and tokens.
import { describe, expect, it } from "vitest";
import { buildChatRequest, type ChatSettings } from "./chat-request";
import { readChatEvent, readErrorBody } from "./chat-events";
import { ChatTurnError, runChatTurn } from "./chat-turn";

const settings: ChatSettings = {
  route: "team-llm",
  model: "some-model",
  apiKey: "gw_test_key",
  providerType: "groq",
  system: "Be brief.",
  temperature: 0.3,
  maxTokens: 200,
};
const history = [
  { role: "user" as const, content: "Hi" },
  { role: "assistant" as const, content: "Hello!" },
  { role: "user" as const, content: "Tell me a joke" },
];

/** An SSE answer whose bytes arrive in pieces of `pieceBytes` (splitting events and UTF-8 characters). */
function sseResponse(chunks: string[], headers: Record<string, string> = {}, pieceBytes = 1 << 20): Response {
  const bytes = new TextEncoder().encode(chunks.join(""));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += pieceBytes) controller.enqueue(bytes.slice(offset, offset + pieceBytes));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": "text/event-stream", ...headers } });
}

const fakeFetch = (response: Response) => (async () => response) as unknown as typeof fetch;

describe("buildChatRequest", () => {
  it("streams OpenAI chat completions with usage, system message and settings", () => {
    const request = buildChatRequest("openai", settings, history);
    expect(request.url).toBe("/proxy/team-llm/chat/completions");
    expect(request.headers.authorization).toBe("Bearer gw_test_key");
    expect(JSON.parse(request.body)).toEqual({
      model: "some-model",
      messages: [{ role: "system", content: "Be brief." }, ...history],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      max_tokens: 200,
    });
    const openai = JSON.parse(buildChatRequest("openai", { ...settings, providerType: "openai", system: "", temperature: null }, history).body);
    expect(openai.max_completion_tokens).toBe(200);
    expect(openai).not.toHaveProperty("temperature");
    expect(openai.messages[0].role).toBe("user");
  });

  it("sends Anthropic messages with the key in x-api-key and a max_tokens default", () => {
    const request = buildChatRequest("anthropic", { ...settings, maxTokens: null }, history);
    expect(request.url).toBe("/proxy/team-llm/v1/messages");
    expect(request.headers).toMatchObject({ "x-api-key": "gw_test_key", "anthropic-version": "2023-06-01" });
    expect(JSON.parse(request.body)).toMatchObject({ system: "Be brief.", max_tokens: 1024, stream: true, messages: history });
  });

  it("streams Gemini with model turns and a system instruction", () => {
    const request = buildChatRequest("google", { ...settings, model: "models/gemini-2.5-flash" }, history);
    expect(request.url).toBe("/proxy/team-llm/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    expect(request.headers["x-goog-api-key"]).toBe("gw_test_key");
    const body = JSON.parse(request.body);
    expect(body.contents.map((content: { role: string }) => content.role)).toEqual(["user", "model", "user"]);
    expect(body.systemInstruction).toEqual({ parts: [{ text: "Be brief." }] });
    expect(body.generationConfig).toEqual({ temperature: 0.3, maxOutputTokens: 200 });
  });

  it("calls Bedrock Converse as JSON", () => {
    const request = buildChatRequest("bedrock", { ...settings, model: "amazon.nova-lite-v1:0" }, history);
    expect(request).toMatchObject({ url: "/proxy/team-llm/model/amazon.nova-lite-v1%3A0/converse", stream: false });
    expect(JSON.parse(request.body).inferenceConfig).toEqual({ temperature: 0.3, maxTokens: 200 });
  });
});

describe("readChatEvent", () => {
  it("reads Anthropic text deltas and usage, ignoring thinking", () => {
    const event = (data: unknown) => ({ event: "message", data: JSON.stringify(data) });
    expect(readChatEvent("anthropic", event({ type: "message_start", message: { usage: { input_tokens: 12, output_tokens: 1 } } }))).toEqual({
      usage: { inputTokens: 12, outputTokens: 1 },
    });
    expect(readChatEvent("anthropic", event({ type: "content_block_delta", delta: { type: "text_delta", text: "Hi" } }))).toEqual({ text: "Hi" });
    expect(readChatEvent("anthropic", event({ type: "content_block_delta", delta: { type: "thinking_delta", thinking: "hmm" } }))).toEqual({});
    expect(readChatEvent("anthropic", { event: "error", data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' })).toEqual({
      error: "Overloaded",
    });
  });

  it("reads Gemini text without thoughts, counting thought tokens as output", () => {
    const data = JSON.stringify({
      candidates: [{ content: { parts: [{ text: "plan", thought: true }, { text: "Answer" }] } }],
      usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 7, thoughtsTokenCount: 3 },
    });
    expect(readChatEvent("google", { event: "message", data })).toEqual({ text: "Answer", usage: { inputTokens: 5, outputTokens: 10 } });
  });

  it("ignores [DONE], pings and garbage", () => {
    expect(readChatEvent("openai", { event: "message", data: "[DONE]" })).toEqual({});
    expect(readChatEvent("anthropic", { event: "ping", data: '{"type":"ping"}' })).toEqual({});
    expect(readChatEvent("openai", { event: "message", data: "{not json" })).toEqual({});
  });
});

describe("runChatTurn", () => {
  it("streams OpenAI text in order and reports usage and the request id", async () => {
    const deltas: string[] = [];
    const seenIds: Array<string | null> = [];
    const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;
    const usage = `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 9, completion_tokens: 4 } })}\n\n`;
    const stream = [chunk("Hé"), chunk("llo ☃"), usage, "data: [DONE]\n\n"];
    // 3-byte pieces split events and multi-byte characters: the decoder and parser must hold partial input.
    const result = await runChatTurn(buildChatRequest("openai", settings, history), "openai", {
      onText: (delta) => deltas.push(delta),
      onResponse: (requestId) => seenIds.push(requestId),
      fetch: fakeFetch(sseResponse(stream, { "x-gateway-request-id": "req-1" }, 3)),
    });
    expect(seenIds).toEqual(["req-1"]);
    expect(deltas).toEqual(["Hé", "llo ☃"]);
    expect(result).toEqual({ text: "Héllo ☃", usage: { inputTokens: 9, outputTokens: 4 }, requestId: "req-1", costUsd: null, streamError: null });
  });

  it("merges Anthropic usage from message_start and message_delta", async () => {
    const events = [
      'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":20,"output_tokens":1}}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Sure"}}\n\n',
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":15}}\n\n',
    ];
    const result = await runChatTurn(buildChatRequest("anthropic", settings, history), "anthropic", { onText: () => {}, fetch: fakeFetch(sseResponse(events)) });
    expect(result.usage).toEqual({ inputTokens: 20, outputTokens: 15 });
  });

  it("keeps the partial text when the stream ends with an error event", async () => {
    const events = ['data: {"candidates":[{"content":{"parts":[{"text":"Part"}]}}]}\n\n', 'data: {"error":{"code":503,"message":"Upstream went away","status":"UNAVAILABLE"}}\n\n'];
    const result = await runChatTurn(buildChatRequest("google", settings, history), "google", { onText: () => {}, fetch: fakeFetch(sseResponse(events)) });
    expect(result).toMatchObject({ text: "Part", streamError: "Upstream went away" });
  });

  it("reads Bedrock Converse JSON and the cost header", async () => {
    const body = { output: { message: { role: "assistant", content: [{ text: "Hi there" }] } }, usage: { inputTokens: 3, outputTokens: 2 } };
    const response = Response.json(body, { headers: { "x-gateway-cost-usd": "0.000123", "x-gateway-request-id": "req-2" } });
    const result = await runChatTurn(buildChatRequest("bedrock", settings, history), "bedrock", { onText: () => {}, fetch: fakeFetch(response) });
    expect(result).toEqual({ text: "Hi there", usage: { inputTokens: 3, outputTokens: 2 }, requestId: "req-2", costUsd: 0.000123, streamError: null });
  });

  it("turns gateway errors of every shape into a readable error", async () => {
    const limit = Response.json(
      { error: { message: "key daily limit of $5.00 reached; resets 2026-11-28T00:00:00Z", type: "rate_limit_error", code: "spending_limit_exceeded" } },
      { status: 429, headers: { "x-gateway-error-code": "spending_limit_exceeded", "x-gateway-request-id": "req-3" } },
    );
    const error = await runChatTurn(buildChatRequest("openai", settings, history), "openai", { onText: () => {}, fetch: fakeFetch(limit) }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ChatTurnError);
    expect(error).toMatchObject({ status: 429, code: "spending_limit_exceeded", requestId: "req-3", message: expect.stringContaining("daily limit") });

    expect(readErrorBody('{"type":"error","error":{"type":"authentication_error","message":"Invalid API key"}}')).toBe("Invalid API key");
    expect(readErrorBody('{"error":{"code":403,"message":"Key revoked","status":"PERMISSION_DENIED"}}')).toBe("Key revoked");
    expect(readErrorBody('{"message":"The security token included in the request is invalid."}')).toContain("security token");
    expect(readErrorBody("<html>Bad gateway</html>")).toBeNull();
  });

  it("reports an unreachable gateway as a network error", async () => {
    const failing = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    await expect(runChatTurn(buildChatRequest("openai", settings, history), "openai", { onText: () => {}, fetch: failing })).rejects.toMatchObject({
      code: "network_error",
    });
  });
});
