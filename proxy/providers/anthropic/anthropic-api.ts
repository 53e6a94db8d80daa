// Minimal schemas of the Anthropic Messages wire format: only what the gateway
// reads. Fields are `.nullish().catch(null)` so an odd field costs that field only.
import { z } from "zod";

const count = z.number().nonnegative().nullish().catch(null);
const text = z.string().nullish().catch(null);

/** The split of cache writes by lifetime (the 1h count may arrive only in the final message_delta). */
export const anthropicCacheCreationSchema = z.object({
  ephemeral_5m_input_tokens: count,
  ephemeral_1h_input_tokens: count,
});

export const anthropicUsageSchema = z.object({
  input_tokens: count,
  output_tokens: count,
  cache_read_input_tokens: count,
  cache_creation_input_tokens: count,
  cache_creation: anthropicCacheCreationSchema.nullish().catch(null),
});
export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;

const lenientUsage = anthropicUsageSchema.nullish().catch(null);

/** A Message: the JSON body of POST v1/messages, and `message` in message_start. */
export const anthropicMessageSchema = z.object({
  id: text,
  type: text,
  model: text,
  stop_reason: text,
  usage: lenientUsage,
});
export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;

/** One stream event's data; `type` names it (message_start, content_block_delta, …). */
export const anthropicStreamEventSchema = z.object({
  type: z.string(),
  message: anthropicMessageSchema.nullish().catch(null),
  delta: z
    .object({
      type: text,
      text: text,
      partial_json: text,
      thinking: text,
      stop_reason: text,
    })
    .nullish()
    .catch(null),
  usage: lenientUsage,
});
