// Usage as the engine counts it, from the OpenAI wire format. inputTokens is the
// total prompt including cached tokens (the @pydantic/genai-prices convention,
// which is also what OpenAI's prompt_tokens already means).
import { withTokenDetails } from "../token-details";
import type { UsageCounts } from "../types";
import { readOpenAIBody, readResponsesObject, type OpenAIUsage, type ResponsesObject } from "./openai-compatible-api";

type TokenCounts = Omit<UsageCounts, "model" | "responseId" | "finishReasons">;

/**
 * Token counts from an OpenAI `usage` object (any naming style), or null when it
 * has none. prompt/input tokens already include cached and audio input, and
 * completion/output tokens already include reasoning and audio output.
 */
export function mapOpenAIUsage(usage: OpenAIUsage | null | undefined): TokenCounts | null {
  if (!usage) return null;
  const input = usage.prompt_tokens ?? usage.input_tokens;
  const output = usage.completion_tokens ?? usage.output_tokens;
  if (usage.type === "duration" && usage.seconds != null) {
    return { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, audioSeconds: usage.seconds };
  }
  if (input == null && output == null) return null;
  const inputDetails = usage.prompt_tokens_details ?? usage.input_tokens_details ?? usage.input_token_details;
  const outputDetails = usage.completion_tokens_details ?? usage.output_tokens_details;
  const cached = inputDetails?.cached_tokens ?? usage.prompt_cache_hit_tokens ?? 0;
  return withTokenDetails(
    { inputTokens: input ?? 0, outputTokens: output ?? 0, cacheReadTokens: cached, cacheWriteTokens: 0 },
    {
      reasoningTokens: outputDetails?.reasoning_tokens,
      inputAudioTokens: inputDetails?.audio_tokens,
      outputAudioTokens: outputDetails?.audio_tokens,
    },
  );
}

/** Finish reason of a Responses API object: why it stopped early, else its status. */
export function responsesFinishReason(response: ResponsesObject): string | undefined {
  return response.incomplete_details?.reason ?? response.status ?? undefined;
}

/** Usage from a complete JSON body: chat completion, text completion, Responses object or embeddings list. */
export function usageFromOpenAIJson(body: unknown): UsageCounts | null {
  const parsed = readOpenAIBody(body);
  if (!parsed) return null;
  const counts = mapOpenAIUsage(parsed.usage ?? parsed.x_groq?.usage);
  if (!counts) return null;

  const result: UsageCounts = { ...counts };
  if (parsed.model) result.model = parsed.model;
  if (parsed.id) result.responseId = parsed.id;

  if (parsed.object === "response") {
    const response = readResponsesObject(body);
    const reason = response ? responsesFinishReason(response) : undefined;
    if (reason) result.finishReasons = [reason];
    return result;
  }
  const reasons = (parsed.choices ?? [])
    .map((choice) => choice?.finish_reason)
    .filter((reason): reason is string => typeof reason === "string");
  if (reasons.length > 0) result.finishReasons = reasons;
  return result;
}
