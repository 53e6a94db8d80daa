// Reads usage, model, id, finish reasons and output text from OpenAI-wire streams
// (chat.completion.chunk, legacy text_completion chunks and Responses API events)
// as they pass through to the client.
//
// Bytes are forwarded untouched unless the gateway injected
// stream_options.include_usage: then the usage-only chunk (empty `choices`,
// non-null `usage`) must not reach the client, so complete events are re-emitted
// from their exact bytes and only the incomplete trailing event is held back
// until its end arrives (or flush()).
import type { StreamObserver, UsageCounts } from "../types";
import { SseParser, parseEventJson, type SseEvent } from "../sse";
import { concatBytes } from "../shared/bytes";
import { readOpenAIBody, readResponsesEvent, type OpenAIBody, type ResponsesObject } from "./openai-compatible-api";
import { mapOpenAIUsage, responsesFinishReason } from "./map-openai-usage";

/** Deltas of these Responses API events are generated tokens, for estimating usage. */
const RESPONSES_TEXT_EVENTS = new Set([
  "response.output_text.delta",
  "response.refusal.delta",
  "response.function_call_arguments.delta",
  "response.reasoning_text.delta",
  "response.reasoning_summary_text.delta",
]);

export class OpenAIStreamState {
  private counts: ReturnType<typeof mapOpenAIUsage> = null;
  private model: string | undefined;
  private responseId: string | undefined;
  private readonly finishReasons = new Map<number, string>();
  private readonly textParts: string[] = [];
  /** [DONE], a Responses terminal event, or an error the upstream reported itself. */
  private ended = false;

  /** Reads one event; returns true when it is a usage-only chunk (no choices, carries usage). */
  observe(event: SseEvent): boolean {
    if (event.data === "[DONE]") {
      this.ended = true;
      return false;
    }
    const json = parseEventJson(event);
    if (json === undefined) return false;
    if (event.event === "error" || (typeof json === "object" && json !== null && "error" in json)) this.ended = true;
    const responsesEvent = readResponsesEvent(json);
    if (responsesEvent && responsesEvent.type.startsWith("response.")) {
      this.observeResponsesEvent(responsesEvent.type, responsesEvent.delta, responsesEvent.response);
      return false;
    }
    const chunk = readOpenAIBody(json);
    return chunk ? this.observeChunk(chunk) : false;
  }

  private observeChunk(chunk: OpenAIBody): boolean {
    if (chunk.model) this.model = chunk.model;
    if (chunk.id) this.responseId = chunk.id;
    const choices = chunk.choices ?? [];
    choices.forEach((choice, position) => {
      if (!choice) return;
      const index = choice.index ?? position;
      if (choice.finish_reason) this.finishReasons.set(index, choice.finish_reason);
      if (choice.text) this.textParts.push(choice.text);
      const delta = choice.delta;
      if (!delta) return;
      if (typeof delta.content === "string") this.textParts.push(delta.content);
      else for (const part of delta.content ?? []) if (part?.text) this.textParts.push(part.text);
      if (delta.reasoning_content) this.textParts.push(delta.reasoning_content);
      if (delta.refusal) this.textParts.push(delta.refusal);
      for (const call of delta.tool_calls ?? []) if (call?.function?.arguments) this.textParts.push(call.function.arguments);
    });
    const counts = mapOpenAIUsage(chunk.usage ?? chunk.x_groq?.usage);
    if (counts) this.counts = counts;
    return counts !== null && chunk.usage != null && choices.length === 0;
  }

  private observeResponsesEvent(type: string, delta: unknown, response: ResponsesObject | null | undefined): void {
    if (RESPONSES_TEXT_EVENTS.has(type) && typeof delta === "string") this.textParts.push(delta);
    if (!response) return;
    if (response.model) this.model = response.model;
    if (response.id) this.responseId = response.id;
    const counts = mapOpenAIUsage(response.usage);
    if (counts) this.counts = counts;
    if (type === "response.completed" || type === "response.incomplete" || type === "response.failed") {
      this.ended = true;
      const reason = responsesFinishReason(response);
      if (reason) this.finishReasons.set(0, reason);
    }
  }

  usage(): UsageCounts | null {
    if (!this.counts) return null;
    const usage: UsageCounts = { ...this.counts };
    if (this.model) usage.model = this.model;
    if (this.responseId) usage.responseId = this.responseId;
    if (this.finishReasons.size > 0) {
      usage.finishReasons = [...this.finishReasons.entries()].sort(([a], [b]) => a - b).map(([, reason]) => reason);
    }
    return usage;
  }

  outputText(): string {
    return this.textParts.join("");
  }

  /** A chunk with a finish reason counts too: some OpenAI-compatible servers never send [DONE]. */
  completed(): boolean {
    return this.ended || this.finishReasons.size > 0;
  }
}

export function createOpenAIStreamObserver(options: { injectedUsage: boolean }): StreamObserver {
  const parser = new SseParser();
  const state = new OpenAIStreamState();

  /** The bytes of the events the client should see (all but the usage-only chunk we asked for). */
  const keptBytes = (events: SseEvent[]): Uint8Array => {
    const kept: Uint8Array[] = [];
    for (const event of events) {
      const usageOnly = safeObserve(state, event);
      if (!usageOnly) kept.push(event.raw);
    }
    return concatBytes(kept);
  };

  return {
    transform(chunk) {
      const events = parser.push(chunk);
      if (options.injectedUsage) return keptBytes(events);
      for (const event of events) safeObserve(state, event);
      return chunk;
    },
    flush() {
      const events = parser.end();
      if (options.injectedUsage) return keptBytes(events);
      for (const event of events) safeObserve(state, event);
      return new Uint8Array(0);
    },
    usage: () => state.usage(),
    outputText: () => state.outputText(),
    completed: () => state.completed(),
  };
}

/** The observer must never throw into the response pipe; a broken event just yields nothing. */
function safeObserve(state: OpenAIStreamState, event: SseEvent): boolean {
  try {
    return state.observe(event);
  } catch {
    return false;
  }
}
