// Usage from Gemini answers, whole or streamed. Gemini repeats usageMetadata in
// stream chunks with running totals, so the latest one seen is the answer.
import type { UsageCounts } from "../types";
import {
  geminiCountTokensSchema,
  geminiResponseSchema,
  vertexPredictEmbeddingsSchema,
  type GeminiModalityCounts,
  type GeminiUsageMetadata,
} from "./gemini-api";
import { withTokenDetails } from "../token-details";

/** The tokens of one modality in a per-modality list. */
function modalityTokens(details: GeminiModalityCounts, modality: string): number {
  return (details ?? []).reduce((sum, item) => sum + (item?.modality === modality ? (item.tokenCount ?? 0) : 0), 0);
}

/**
 * Token counts in the gateway's convention: inputTokens includes cached tokens
 * (promptTokenCount already does) and tool-use prompts, outputTokens includes
 * thinking tokens (candidatesTokenCount does not; both are billed as output).
 * Audio is billed at its own rate, so its share of each total is kept.
 */
export function usageFromMetadata(metadata: GeminiUsageMetadata) {
  return withTokenDetails(
    {
      inputTokens: (metadata.promptTokenCount ?? 0) + (metadata.toolUsePromptTokenCount ?? 0),
      outputTokens: (metadata.candidatesTokenCount ?? 0) + (metadata.thoughtsTokenCount ?? 0),
      cacheReadTokens: metadata.cachedContentTokenCount ?? 0,
      cacheWriteTokens: 0,
    },
    {
      reasoningTokens: metadata.thoughtsTokenCount,
      inputAudioTokens: modalityTokens(metadata.promptTokensDetails, "AUDIO") + modalityTokens(metadata.toolUsePromptTokensDetails, "AUDIO"),
      cacheAudioReadTokens: modalityTokens(metadata.cacheTokensDetails, "AUDIO"),
      outputAudioTokens: modalityTokens(metadata.candidatesTokensDetails, "AUDIO"),
    },
  );
}

function hasTokenCounts(metadata: GeminiUsageMetadata | null | undefined): metadata is GeminiUsageMetadata {
  return metadata != null && (metadata.promptTokenCount != null || metadata.candidatesTokenCount != null);
}

/** Folds GenerateContentResponse chunks into usage, model, finish reasons and text. */
export class GeminiResponseAccumulator {
  private metadata: GeminiUsageMetadata | null = null;
  private model: string | undefined;
  private responseId: string | undefined;
  private readonly finishReasonByCandidate = new Map<number, string>();
  private text = "";
  private sawError = false;

  add(value: unknown): void {
    if (typeof value === "object" && value !== null && "error" in value) this.sawError = true;
    const parsed = geminiResponseSchema.safeParse(value);
    if (!parsed.success) return;
    const response = parsed.data;
    // Vertex's first chunks carry usageMetadata with only trafficType: not usage yet.
    if (hasTokenCounts(response.usageMetadata)) this.metadata = response.usageMetadata;
    if (response.modelVersion) this.model = response.modelVersion;
    if (response.responseId) this.responseId = response.responseId;
    for (const [position, candidate] of (response.candidates ?? []).entries()) {
      if (candidate.finishReason) {
        this.finishReasonByCandidate.set(candidate.index ?? position, candidate.finishReason);
      }
      for (const part of candidate.content?.parts ?? []) {
        if (typeof part.text === "string") this.text += part.text;
      }
    }
  }

  usage(): UsageCounts | null {
    if (!this.metadata) return null;
    const finishReasons = [...this.finishReasonByCandidate.values()];
    return {
      ...usageFromMetadata(this.metadata),
      ...(this.model ? { model: this.model } : {}),
      ...(this.responseId ? { responseId: this.responseId } : {}),
      ...(finishReasons.length > 0 ? { finishReasons } : {}),
    };
  }

  outputText(): string {
    return this.text;
  }

  /** Gemini has no end marker: its last chunk carries the finish reason (or the stream reports an error). */
  completed(): boolean {
    return this.sawError || this.finishReasonByCandidate.size > 0;
  }
}

const zeroUsage: UsageCounts = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

/** Usage from a complete Gemini or Vertex JSON body; null when it carries none. */
export function geminiUsageFromJson(body: unknown): UsageCounts | null {
  // A streamGenerateContent call without alt=sse, read whole, is an array of chunks.
  const chunks = Array.isArray(body) ? body : [body];
  const accumulator = new GeminiResponseAccumulator();
  for (const chunk of chunks) accumulator.add(chunk);
  const usage = accumulator.usage();
  if (usage) return usage;

  if (geminiCountTokensSchema.safeParse(body).success) return { ...zeroUsage };

  const predict = vertexPredictEmbeddingsSchema.safeParse(body);
  if (predict.success) {
    const counts = predict.data.predictions.map((item) => item.embeddings?.statistics?.token_count);
    if (counts.some((count) => typeof count === "number")) {
      const inputTokens = counts.reduce<number>((sum, count) => sum + (count ?? 0), 0);
      return { ...zeroUsage, inputTokens };
    }
  }
  return null;
}
