// Reads usage from an Anthropic Messages stream as it passes through. The bytes
// are never changed, so each chunk is forwarded as it arrives.
//   message_start  → message.usage (input and cache tokens), model, id
//   message_delta  → usage.output_tokens (cumulative; newer API versions repeat
//                    input and cache counts too), delta.stop_reason
//   content_block_delta → generated text, for estimating usage if the stream is cut
import type { StreamObserver, UsageCounts } from "../types";
import { SseParser, parseEventJson, type SseEvent } from "../sse";
import { createOpenAIStreamObserver, OpenAIStreamState } from "../openai-compatible/stream-observer";
import { anthropicStreamEventSchema, type AnthropicUsage } from "./anthropic-api";
import { mapAnthropicUsage, mergeAnthropicUsage } from "./usage";

class AnthropicStreamState {
  private readonly rawUsage: AnthropicUsage = {};
  private sawUsage = false;
  private model: string | undefined;
  private responseId: string | undefined;
  private stopReason: string | undefined;
  private readonly textParts: string[] = [];
  /** message_stop, or an error event the upstream sent itself. */
  private ended = false;

  /** Anthropic's OpenAI-compatible chat/completions streams OpenAI chunks (no `type`). */
  private readonly openAIChunks = new OpenAIStreamState();

  observe(event: SseEvent): void {
    const json = parseEventJson(event);
    if (json === undefined) return;
    if (typeof json === "object" && json !== null && !("type" in json)) {
      this.openAIChunks.observe(event);
      return;
    }
    const parsed = anthropicStreamEventSchema.safeParse(json);
    if (!parsed.success) return;
    const { type, message, delta, usage } = parsed.data;
    if (type === "message_stop" || type === "error") this.ended = true;
    if (type === "message_start" && message) {
      if (message.model) this.model = message.model;
      if (message.id) this.responseId = message.id;
      this.mergeUsage(message.usage);
    } else if (type === "message_delta") {
      this.mergeUsage(usage);
      if (delta?.stop_reason) this.stopReason = delta.stop_reason;
    } else if (type === "content_block_delta" && delta) {
      const generated = delta.text ?? delta.partial_json ?? delta.thinking;
      if (generated) this.textParts.push(generated);
    }
  }

  /** Later events carry cumulative counts, so a present field replaces the earlier one. */
  private mergeUsage(usage: AnthropicUsage | null | undefined): void {
    if (mergeAnthropicUsage(this.rawUsage, usage)) this.sawUsage = true;
  }

  usage(): UsageCounts | null {
    const counts = this.sawUsage ? mapAnthropicUsage(this.rawUsage) : null;
    if (!counts) return this.openAIChunks.usage();
    const result: UsageCounts = { ...counts };
    if (this.model) result.model = this.model;
    if (this.responseId) result.responseId = this.responseId;
    if (this.stopReason) result.finishReasons = [this.stopReason];
    return result;
  }

  outputText(): string {
    return this.textParts.join("") + this.openAIChunks.outputText();
  }

  completed(): boolean {
    return this.ended || this.openAIChunks.completed();
  }
}

export function createAnthropicStreamObserver(options: { injectedUsage: boolean } = { injectedUsage: false }): StreamObserver {
  // Usage is injected only into OpenAI-compatible chat/completions streams, whose usage chunk the client must not see.
  if (options.injectedUsage) return createOpenAIStreamObserver({ injectedUsage: true });
  const parser = new SseParser();
  const state = new AnthropicStreamState();
  const observeAll = (events: SseEvent[]) => {
    for (const event of events) {
      try {
        state.observe(event);
      } catch {
        // Never break the client's stream over an event we cannot read.
      }
    }
  };
  return {
    transform(chunk) {
      observeAll(parser.push(chunk));
      return chunk;
    },
    flush() {
      observeAll(parser.end());
      return new Uint8Array(0);
    },
    usage: () => state.usage(),
    outputText: () => state.outputText(),
    completed: () => state.completed(),
  };
}
