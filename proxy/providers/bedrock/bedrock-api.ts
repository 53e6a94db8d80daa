// Minimal zod schemas of Bedrock wire formats: Converse (JSON and stream events) and
// the model-native invoke bodies whose usage the gateway can read.
import { z } from "zod";

const count = z.number().nonnegative().nullish().catch(null);

/** Converse `usage` and Converse-stream `metadata.usage`; Nova invoke uses the same names. */
export const converseUsageSchema = z.object({
  inputTokens: count,
  outputTokens: count,
  cacheReadInputTokens: count,
  cacheWriteInputTokens: count,
  // Amazon Nova invoke bodies spell the cache fields this way.
  cacheReadInputTokenCount: count,
  cacheWriteInputTokenCount: count,
  /** Cache writes by lifetime (Claude's 5m / 1h TTLs). */
  cacheDetails: z
    .array(z.object({ ttl: z.string().nullish().catch(null), inputTokens: count }).nullish().catch(null))
    .nullish()
    .catch(null),
});

/** The fields of a Converse answer read besides `usage`. */
export const converseResponseSchema = z.object({
  stopReason: z.string().nullish().catch(null),
});

// Claude-on-Bedrock invoke bodies and stream events are Anthropic's own format:
// their schemas live with the Anthropic adapter (../anthropic/anthropic-api.ts).

/** Meta Llama invoke bodies and stream chunks. */
export const llamaResponseSchema = z.object({
  prompt_token_count: count,
  generation_token_count: count,
  stop_reason: z.string().nullish().catch(null),
  generation: z.string().nullish().catch(null),
});

/** Amazon Titan text generation and embeddings. */
export const titanResponseSchema = z.object({
  inputTextTokenCount: z.number(),
  results: z
    .array(z.object({ tokenCount: count, completionReason: z.string().nullish().catch(null) }))
    .nullish()
    .catch(null),
});

/** OpenAI-style invoke bodies (gpt-oss and friends on Bedrock). */
export const openAiStyleResponseSchema = z.object({
  id: z.string().nullish().catch(null),
  model: z.string().nullish().catch(null),
  usage: z.object({ prompt_tokens: count, completion_tokens: count }),
});

/** What Bedrock appends to the last chunk of every invoke-with-response-stream. */
export const invocationMetricsSchema = z.object({
  inputTokenCount: count,
  outputTokenCount: count,
  cacheReadInputTokenCount: count,
  cacheWriteInputTokenCount: count,
});

/** The `chunk` event of invoke-with-response-stream: the model's own event, base64-encoded. */
export const responseStreamChunkSchema = z.object({ bytes: z.string() });
