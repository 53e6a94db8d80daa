// Usage as the engine counts it, from Anthropic's wire format. Anthropic's
// input_tokens excludes cache reads and writes; the engine (like
// @pydantic/genai-prices) wants inputTokens to be the whole prompt, so they are added.
import type { UsageCounts } from "../types";
import { anthropicMessageSchema, type AnthropicUsage } from "./anthropic-api";

type TokenCounts = Pick<UsageCounts, "inputTokens" | "outputTokens" | "cacheReadTokens" | "cacheWriteTokens">;

/** Token counts from an Anthropic `usage` object, or null when it has none. */
export function mapAnthropicUsage(usage: AnthropicUsage | null | undefined): TokenCounts | null {
  if (!usage) return null;
  if (usage.input_tokens == null && usage.output_tokens == null) return null;
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const cacheWrite = usage.cache_creation_input_tokens ?? 0;
  return {
    inputTokens: (usage.input_tokens ?? 0) + cacheRead + cacheWrite,
    outputTokens: usage.output_tokens ?? 0,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
  };
}

/**
 * Usage from a complete Message body. Other bodies (count_tokens answers, model
 * lists, errors) have no `usage` and give null: they cost nothing.
 */
export function usageFromAnthropicJson(body: unknown): UsageCounts | null {
  const parsed = anthropicMessageSchema.safeParse(body);
  if (!parsed.success) return null;
  const counts = mapAnthropicUsage(parsed.data.usage);
  if (!counts) return null;
  const result: UsageCounts = { ...counts };
  if (parsed.data.model) result.model = parsed.data.model;
  if (parsed.data.id) result.responseId = parsed.data.id;
  if (parsed.data.stop_reason) result.finishReasons = [parsed.data.stop_reason];
  return result;
}
