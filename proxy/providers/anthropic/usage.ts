// Usage as the engine counts it, from Anthropic's wire format. Anthropic's
// input_tokens excludes cache reads and writes; the engine (like
// @pydantic/genai-prices) wants inputTokens to be the whole prompt, so they are added.
import { usageFromOpenAIJson } from "../openai-compatible/map-openai-usage";
import { withTokenDetails } from "../token-details";
import type { UsageCounts } from "../types";
import { anthropicMessageSchema, type AnthropicUsage } from "./anthropic-api";

type TokenCounts = Omit<UsageCounts, "model" | "responseId" | "finishReasons">;

/**
 * Token counts from an Anthropic `usage` object, or null when it has none.
 * Cache writes are split by lifetime when `cache_creation` says so: 1-hour
 * writes cost more than 5-minute ones.
 */
export function mapAnthropicUsage(usage: AnthropicUsage | null | undefined): TokenCounts | null {
  if (!usage) return null;
  if (usage.input_tokens == null && usage.output_tokens == null) return null;
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const fiveMinute = usage.cache_creation?.ephemeral_5m_input_tokens ?? 0;
  const oneHour = usage.cache_creation?.ephemeral_1h_input_tokens ?? 0;
  const cacheWrite = Math.max(usage.cache_creation_input_tokens ?? 0, fiveMinute + oneHour);
  return withTokenDetails(
    {
      inputTokens: (usage.input_tokens ?? 0) + cacheRead + cacheWrite,
      outputTokens: usage.output_tokens ?? 0,
      cacheReadTokens: cacheRead,
      cacheWriteTokens: cacheWrite,
    },
    { cacheWrite1hTokens: oneHour },
  );
}

/** Later usage objects carry running totals: a field present replaces the earlier value (cache_creation field by field). */
export function mergeAnthropicUsage(into: AnthropicUsage, usage: AnthropicUsage | null | undefined): boolean {
  if (!usage) return false;
  let merged = false;
  for (const key of Object.keys(usage) as (keyof AnthropicUsage)[]) {
    const value = usage[key];
    if (value == null) continue;
    if (key === "cache_creation" && typeof value === "object") {
      into.cache_creation = { ...into.cache_creation, ...Object.fromEntries(Object.entries(value).filter(([, count]) => count != null)) };
    } else if (typeof value === "number") {
      (into as Record<string, unknown>)[key] = value;
      merged = true;
    }
  }
  return merged;
}

/**
 * Usage from a complete Message body. Other bodies (count_tokens answers, model
 * lists, errors) have no `usage` and give null: they cost nothing.
 */
export function usageFromAnthropicJson(body: unknown): UsageCounts | null {
  if (isOpenAIShaped(body)) return usageFromOpenAIJson(body);
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

/** Anthropic's OpenAI-compatible endpoint (v1/chat/completions) answers in OpenAI's shape. */
function isOpenAIShaped(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  const { object, usage } = body as { object?: unknown; usage?: unknown };
  if (typeof object === "string" && object.startsWith("chat.completion")) return true;
  return typeof usage === "object" && usage !== null && "prompt_tokens" in usage;
}
