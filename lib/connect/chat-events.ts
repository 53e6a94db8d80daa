// Reading a chat answer in each wire format: text deltas and token usage from
// stream events, the whole answer from a Bedrock Converse body, and a readable
// message from any error body. Never throws on odd input: it yields nothing.
import type { SseEvent } from "./sse";
import type { WireFamily } from "./wire-family";

export interface TokenUsage {
  inputTokens: number | null;
  outputTokens: number | null;
}

export interface ChatEventReading {
  text?: string;
  usage?: Partial<TokenUsage>;
  /** An error event inside the stream (the upstream failed after the first byte). */
  error?: string;
}

type Json = Record<string, unknown>;

const object = (value: unknown): Json | undefined => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : undefined);
const number = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const string = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

function parse(data: string): Json | undefined {
  try {
    return object(JSON.parse(data));
  } catch {
    return undefined;
  }
}

function errorMessage(json: Json | undefined): string | undefined {
  const error = object(json?.error);
  return string(error?.message) ?? string(json?.message) ?? string(json?.Message) ?? (typeof json?.error === "string" ? json.error : undefined);
}

function openAIEvent(json: Json): ChatEventReading {
  const reading: ChatEventReading = {};
  const choice = object((json.choices as unknown[] | undefined)?.[0]);
  const text = string(object(choice?.delta)?.content);
  if (text) reading.text = text;
  const usage = object(json.usage);
  if (usage) reading.usage = { inputTokens: number(usage.prompt_tokens), outputTokens: number(usage.completion_tokens) };
  return reading;
}

function anthropicEvent(json: Json): ChatEventReading {
  switch (json.type) {
    case "content_block_delta": {
      const delta = object(json.delta);
      return delta?.type === "text_delta" && string(delta.text) ? { text: string(delta.text) } : {};
    }
    case "message_start": {
      const usage = object(object(json.message)?.usage);
      return usage ? { usage: { inputTokens: number(usage.input_tokens), outputTokens: number(usage.output_tokens) } } : {};
    }
    case "message_delta": {
      const usage = object(json.usage);
      return usage ? { usage: { inputTokens: number(usage.input_tokens), outputTokens: number(usage.output_tokens) } } : {};
    }
    default:
      return {};
  }
}

function googleEvent(json: Json): ChatEventReading {
  const reading: ChatEventReading = {};
  const parts = object(object((json.candidates as unknown[] | undefined)?.[0])?.content)?.parts;
  const text = (Array.isArray(parts) ? parts : [])
    .map(object)
    .filter((part) => part && part.thought !== true)
    .map((part) => string(part?.text) ?? "")
    .join("");
  if (text) reading.text = text;
  const usage = object(json.usageMetadata);
  if (usage) {
    const candidates = number(usage.candidatesTokenCount);
    const thoughts = number(usage.thoughtsTokenCount) ?? 0;
    reading.usage = { inputTokens: number(usage.promptTokenCount), outputTokens: candidates === undefined ? undefined : candidates + thoughts };
  }
  return reading;
}

/** What one SSE event of a streaming answer contributes. `[DONE]` and pings contribute nothing. */
export function readChatEvent(family: WireFamily, event: SseEvent): ChatEventReading {
  if (event.data === "[DONE]") return {};
  const json = parse(event.data);
  if (!json) return {};
  if (event.event === "error" || json.type === "error" || object(json.error) || typeof json.error === "string") {
    return { error: errorMessage(json) ?? "The upstream reported an error in the middle of the answer" };
  }
  if (family === "anthropic") return anthropicEvent(json);
  if (family === "google") return googleEvent(json);
  return openAIEvent(json);
}

/** A Bedrock Converse JSON answer: its text and usage. */
export function readConverseAnswer(body: unknown): { text: string; usage: TokenUsage } {
  const json = object(body);
  const content = object(object(json?.output)?.message)?.content;
  const text = (Array.isArray(content) ? content : []).map((block) => string(object(block)?.text) ?? "").join("");
  const usage = object(json?.usage);
  return { text, usage: { inputTokens: number(usage?.inputTokens) ?? null, outputTokens: number(usage?.outputTokens) ?? null } };
}

/** Latest-wins merge: Anthropic reports input tokens first and output tokens last. */
export function mergeUsage(current: TokenUsage | null, update: Partial<TokenUsage> | undefined): TokenUsage | null {
  if (!update) return current;
  return {
    inputTokens: update.inputTokens ?? current?.inputTokens ?? null,
    outputTokens: update.outputTokens ?? current?.outputTokens ?? null,
  };
}

/** The message of an error answer in any of the gateway's or providers' shapes. */
export function readErrorBody(text: string): string | null {
  const json = parse(text);
  const message = errorMessage(json);
  if (message) return message;
  const trimmed = text.trim();
  return trimmed && !trimmed.startsWith("<") ? trimmed.slice(0, 500) : null;
}

export type { WireFamily };
