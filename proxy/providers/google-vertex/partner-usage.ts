// Vertex serves Anthropic's Claude as a partner model (publishers/anthropic/…:rawPredict
// and :streamRawPredict): the answer is Anthropic's own Message or SSE stream, not a
// GenerateContentResponse, so usage is read the Anthropic way when the body says so.
import { createAnthropicStreamObserver } from "../anthropic/stream-observer";
import { usageFromAnthropicJson } from "../anthropic/usage";
import { createGeminiStreamObserver, geminiUsageFromJson } from "../google";
import { concatBytes } from "../shared/bytes";
import type { StreamObserver, UsageCounts } from "../types";

function isAnthropicMessage(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as { type?: unknown }).type === "message";
}

/** Usage from a Vertex JSON body: a Claude Message, else Gemini's shapes. */
export function vertexUsageFromJson(body: unknown): UsageCounts | null {
  if (isAnthropicMessage(body)) return usageFromAnthropicJson(body);
  return geminiUsageFromJson(body);
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const decoder = new TextDecoder();

/**
 * Watches a Vertex stream: Claude's SSE starts with "event: message_start",
 * Gemini's with "data: {" (or a JSON array). The choice is made on the first
 * bytes that are not blank; every chunk is forwarded untouched either way.
 */
export function createVertexStreamObserver(options: { contentType: string }): StreamObserver {
  let chosen: StreamObserver | null = null;
  let undecided: Uint8Array[] = [];
  const choose = (bytes: Uint8Array): void => {
    const text = decoder.decode(bytes).trimStart();
    chosen = text.startsWith("event:") ? createAnthropicStreamObserver() : createGeminiStreamObserver(options);
    chosen.transform(bytes);
  };
  return {
    transform(chunk) {
      if (chosen) {
        chosen.transform(chunk);
        return chunk;
      }
      undecided.push(chunk.slice());
      const seen = concatBytes(undecided);
      const meaningful = seen.filter((byte) => !WHITESPACE.has(byte)).length;
      if (meaningful >= "event:".length) {
        undecided = [];
        choose(seen);
      }
      return chunk;
    },
    flush() {
      if (!chosen && undecided.length) choose(concatBytes(undecided));
      chosen?.flush();
      return new Uint8Array(0);
    },
    usage: () => chosen?.usage() ?? null,
    outputText: () => chosen?.outputText() ?? "",
    completed: () => chosen?.completed() ?? false,
  };
}
