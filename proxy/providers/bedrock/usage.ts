// Usage from Bedrock answers. Converse has one shape; invoke bodies are each model
// family's own. Token counts follow the gateway's convention: inputTokens includes
// cache reads and writes (Bedrock and Anthropic report them apart from inputTokens).
import { usageFromAnthropicJson } from "../anthropic/usage";
import { objectOrNull } from "../shared/json-values";
import { withTokenDetails } from "../token-details";
import type { UsageCounts } from "../types";
import {
  converseResponseSchema,
  converseUsageSchema,
  invocationMetricsSchema,
  llamaResponseSchema,
  openAiStyleResponseSchema,
  titanResponseSchema,
} from "./bedrock-api";

type Counts = Omit<UsageCounts, "model" | "responseId" | "finishReasons">;

function counts(input: number, output: number, cacheRead: number, cacheWrite: number): Counts {
  return { inputTokens: input + cacheRead + cacheWrite, outputTokens: output, cacheReadTokens: cacheRead, cacheWriteTokens: cacheWrite };
}

function usageObject(body: unknown): Record<string, unknown> | null {
  return objectOrNull(objectOrNull(body)?.usage);
}

/** Converse `usage`, also Converse-stream `metadata.usage` and Nova invoke usage. */
export function countsFromConverseUsage(value: unknown): Counts | null {
  const parsed = converseUsageSchema.safeParse(value);
  if (!parsed.success) return null;
  const usage = parsed.data;
  if (usage.inputTokens == null && usage.outputTokens == null) return null;
  const oneHour = (usage.cacheDetails ?? []).reduce((sum, detail) => sum + (detail?.ttl === "1h" ? (detail.inputTokens ?? 0) : 0), 0);
  const cacheWrite = Math.max(usage.cacheWriteInputTokens ?? usage.cacheWriteInputTokenCount ?? 0, oneHour);
  return withTokenDetails(
    counts(usage.inputTokens ?? 0, usage.outputTokens ?? 0, usage.cacheReadInputTokens ?? usage.cacheReadInputTokenCount ?? 0, cacheWrite),
    { cacheWrite1hTokens: oneHour },
  );
}

export function countsFromInvocationMetrics(value: unknown): Counts | null {
  const parsed = invocationMetricsSchema.safeParse(value);
  if (!parsed.success || (parsed.data.inputTokenCount == null && parsed.data.outputTokenCount == null)) return null;
  const metrics = parsed.data;
  return counts(
    metrics.inputTokenCount ?? 0,
    metrics.outputTokenCount ?? 0,
    metrics.cacheReadInputTokenCount ?? 0,
    metrics.cacheWriteInputTokenCount ?? 0,
  );
}

function withDetails(base: Counts, details: { model?: string | null; responseId?: string | null; finishReason?: string | null }): UsageCounts {
  return {
    ...base,
    ...(details.model ? { model: details.model } : {}),
    ...(details.responseId ? { responseId: details.responseId } : {}),
    ...(details.finishReason ? { finishReasons: [details.finishReason] } : {}),
  };
}

/** Usage from a complete Converse or invoke JSON body; null when the body has none we know. */
export function bedrockUsageFromJson(body: unknown): UsageCounts | null {
  const usage = usageObject(body);
  if (usage && ("inputTokens" in usage || "outputTokens" in usage)) {
    const converse = converseResponseSchema.safeParse(body);
    const base = countsFromConverseUsage(usage);
    if (base) return withDetails(base, { finishReason: converse.success ? converse.data.stopReason : null });
  }
  if (usage && ("input_tokens" in usage || "output_tokens" in usage)) {
    // Claude on Bedrock answers invoke with an Anthropic Message.
    const anthropic = usageFromAnthropicJson(body);
    if (anthropic) return anthropic;
  }
  if (usage && "prompt_tokens" in usage) {
    const openAi = openAiStyleResponseSchema.safeParse(body);
    if (openAi.success) {
      const base = counts(openAi.data.usage.prompt_tokens ?? 0, openAi.data.usage.completion_tokens ?? 0, 0, 0);
      return withDetails(base, { model: openAi.data.model, responseId: openAi.data.id });
    }
  }
  const llama = llamaResponseSchema.safeParse(body);
  if (llama.success && (llama.data.prompt_token_count != null || llama.data.generation_token_count != null)) {
    const base = counts(llama.data.prompt_token_count ?? 0, llama.data.generation_token_count ?? 0, 0, 0);
    return withDetails(base, { finishReason: llama.data.stop_reason });
  }
  const titan = titanResponseSchema.safeParse(body);
  if (titan.success) {
    const output = (titan.data.results ?? []).reduce((sum, result) => sum + (result.tokenCount ?? 0), 0);
    return withDetails(counts(titan.data.inputTextTokenCount, output, 0, 0), {
      finishReason: titan.data.results?.[0]?.completionReason,
    });
  }
  return null;
}
