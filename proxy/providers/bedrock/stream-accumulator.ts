// Folds Bedrock stream events into usage and text: Converse-stream events
// (messageStart, contentBlockDelta, messageStop, metadata) and the model-native
// events inside invoke-with-response-stream chunks (Anthropic, Nova, Llama, OpenAI-style).
import { anthropicUsageSchema, type AnthropicUsage } from "../anthropic/anthropic-api";
import { objectOrNull } from "../shared/json-values";
import { mapAnthropicUsage, mergeAnthropicUsage } from "../anthropic/usage";
import type { UsageCounts } from "../types";
import { invocationMetricsSchema } from "./bedrock-api";
import { countsFromConverseUsage, countsFromInvocationMetrics } from "./usage";

type Counts = Omit<UsageCounts, "model" | "responseId" | "finishReasons">;


function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export class BedrockStreamAccumulator {
  /** From Bedrock's own invocation metrics: authoritative when present. */
  private metricsCounts: Counts | null = null;
  /** From the model's events (Converse metadata, Anthropic message_start/message_delta, …). */
  private modelCounts: Counts | null = null;
  private readonly anthropicUsage: AnthropicUsage = {};
  private model: string | undefined;
  private responseId: string | undefined;
  private readonly finishReasons: string[] = [];
  private output = "";
  /** A Converse metadata event, Bedrock's invocation metrics, message_stop or an exception: the stream's own ending. */
  private ended = false;

  /** One Converse-stream event, by its `:event-type`. */
  addConverseEvent(eventType: string, payload: unknown): void {
    const body = objectOrNull(payload);
    if (!body) return;
    if (eventType === "contentBlockDelta") this.addDeltaText(body.delta);
    else if (eventType === "messageStop") this.addFinishReason(body.stopReason);
    else if (eventType === "metadata") {
      this.ended = true;
      this.modelCounts = countsFromConverseUsage(body.usage) ?? this.modelCounts;
    }
  }

  /** One model-native event decoded from an invoke-with-response-stream chunk. */
  addModelEvent(payload: unknown): void {
    const body = objectOrNull(payload);
    if (!body) return;
    const metrics = invocationMetricsSchema.safeParse(body["amazon-bedrock-invocationMetrics"]);
    if (metrics.success) {
      this.ended = true; // Bedrock appends its metrics to the last chunk
      this.metricsCounts = countsFromInvocationMetrics(metrics.data) ?? this.metricsCounts;
    }

    if (typeof body.type === "string") this.addAnthropicEvent(body);
    // Amazon Nova streams Converse-shaped events, one key per chunk.
    const novaDelta = objectOrNull(body.contentBlockDelta);
    if (novaDelta) this.addDeltaText(novaDelta.delta);
    const novaStop = objectOrNull(body.messageStop);
    if (novaStop) this.addFinishReason(novaStop.stopReason);
    const novaMetadata = objectOrNull(body.metadata);
    if (novaMetadata) this.modelCounts = countsFromConverseUsage(novaMetadata.usage) ?? this.modelCounts;
    // Meta Llama: running text in `generation`, counts on the first and last chunks.
    if (typeof body.generation === "string") this.addLlamaChunk(body);
    // OpenAI-style chat chunks.
    if (Array.isArray(body.choices)) {
      for (const choice of body.choices) {
        const delta = objectOrNull(objectOrNull(choice)?.delta);
        this.output += text(delta?.content);
        this.addFinishReason(objectOrNull(choice)?.finish_reason);
      }
    }
  }

  usage(): UsageCounts | null {
    let base = this.metricsCounts ?? this.modelCounts;
    if (!base) return null;
    const oneHour = this.modelCounts?.cacheWrite1hTokens;
    if (base === this.metricsCounts && oneHour) {
      // Bedrock's metrics do not split cache writes by lifetime; the model's own events do.
      base = { ...base, cacheWrite1hTokens: Math.min(oneHour, base.cacheWriteTokens) };
    }
    return {
      ...base,
      ...(this.model ? { model: this.model } : {}),
      ...(this.responseId ? { responseId: this.responseId } : {}),
      ...(this.finishReasons.length > 0 ? { finishReasons: [...this.finishReasons] } : {}),
    };
  }

  outputText(): string {
    return this.output;
  }

  endedWithException(): void {
    this.ended = true;
  }

  /** Also a finish reason: a stream without metrics or metadata still said it was done. */
  completed(): boolean {
    return this.ended || this.finishReasons.length > 0;
  }

  private addDeltaText(delta: unknown): void {
    const body = objectOrNull(delta);
    if (!body) return;
    this.output += text(body.text);
    // Reasoning is billed as output, so it counts for estimates too.
    this.output += text(objectOrNull(body.reasoningContent)?.text);
  }

  private addFinishReason(reason: unknown): void {
    if (typeof reason === "string" && reason) this.finishReasons.push(reason);
  }

  private addAnthropicEvent(event: Record<string, unknown>): void {
    if (event.type === "message_start") {
      const message = objectOrNull(event.message);
      if (typeof message?.model === "string") this.model = message.model;
      if (typeof message?.id === "string") this.responseId = message.id;
      this.addAnthropicUsage(message?.usage);
    } else if (event.type === "message_delta") {
      this.addFinishReason(objectOrNull(event.delta)?.stop_reason);
      this.addAnthropicUsage(event.usage);
    } else if (event.type === "message_stop") {
      this.ended = true;
    } else if (event.type === "content_block_delta") {
      const delta = objectOrNull(event.delta);
      this.output += text(delta?.text) + text(delta?.thinking);
    }
  }

  /** Anthropic counts are running totals: a field present later replaces the earlier value. */
  private addAnthropicUsage(value: unknown): void {
    const parsed = anthropicUsageSchema.safeParse(value);
    if (!parsed.success) return;
    mergeAnthropicUsage(this.anthropicUsage, parsed.data);
    this.modelCounts = mapAnthropicUsage(this.anthropicUsage) ?? this.modelCounts;
  }

  private addLlamaChunk(chunk: Record<string, unknown>): void {
    this.output += text(chunk.generation);
    this.addFinishReason(chunk.stop_reason);
    const prompt = typeof chunk.prompt_token_count === "number" ? chunk.prompt_token_count : null;
    const generated = typeof chunk.generation_token_count === "number" ? chunk.generation_token_count : null;
    if (prompt === null && generated === null) return;
    const previous = this.modelCounts ?? { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
    this.modelCounts = {
      ...previous,
      inputTokens: prompt ?? previous.inputTokens,
      outputTokens: generated ?? previous.outputTokens,
    };
  }
}
