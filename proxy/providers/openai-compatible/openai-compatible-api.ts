// Minimal schemas of the OpenAI wire format: only the fields the gateway reads.
// Every field is `.nullish().catch(null)` so one odd field from an
// "OpenAI-compatible" server costs that field, never the whole usage record.
import { z } from "zod";

const count = z.number().nonnegative().nullish().catch(null);
const text = z.string().nullish().catch(null);

const inputDetails = z.object({ cached_tokens: count, audio_tokens: count }).nullish().catch(null);
const outputDetails = z.object({ reasoning_tokens: count, audio_tokens: count }).nullish().catch(null);

/** Chat/completions/embeddings use prompt_tokens…; Responses and transcriptions use input_tokens… */
export const openAIUsageSchema = z.object({
  prompt_tokens: count,
  completion_tokens: count,
  input_tokens: count,
  output_tokens: count,
  // Chat: prompt_tokens_details / completion_tokens_details; Responses: input_tokens_details /
  // output_tokens_details; transcriptions: input_token_details (sic).
  prompt_tokens_details: inputDetails,
  input_tokens_details: inputDetails,
  input_token_details: inputDetails,
  completion_tokens_details: outputDetails,
  output_tokens_details: outputDetails,
  // DeepSeek and some routers report cache hits here instead.
  prompt_cache_hit_tokens: count,
  // Transcriptions billed by duration answer { type: "duration", seconds }.
  type: text,
  seconds: count,
});
export type OpenAIUsage = z.infer<typeof openAIUsageSchema>;

const lenientUsage = openAIUsageSchema.nullish().catch(null);

/** Message or delta content: a string, or (Mistral and others) an array of parts. */
const contentSchema = z
  .union([z.string(), z.array(z.object({ text: text }).nullish().catch(null))])
  .nullish()
  .catch(null);

const toolCallsSchema = z
  .array(z.object({ function: z.object({ arguments: text }).nullish().catch(null) }).nullish().catch(null))
  .nullish()
  .catch(null);

const choiceSchema = z.object({
  index: z.number().nullish().catch(null),
  finish_reason: text,
  // chat.completion.chunk
  delta: z
    .object({ content: contentSchema, reasoning_content: text, refusal: text, tool_calls: toolCallsSchema })
    .nullish()
    .catch(null),
  // text_completion (legacy completions API)
  text: text,
});

/** chat.completion, chat.completion.chunk, text_completion and the embeddings list share these. */
export const openAIBodySchema = z.object({
  id: text,
  model: text,
  object: text,
  choices: z.array(choiceSchema.nullish().catch(null)).nullish().catch(null),
  usage: lenientUsage,
  // Groq reports stream usage in x_groq.usage on the last chunk.
  x_groq: z.object({ usage: lenientUsage }).nullish().catch(null),
});
export type OpenAIBody = z.infer<typeof openAIBodySchema>;

/** A Responses API response object (the JSON body, or `response` inside stream events). */
export const responsesObjectSchema = z.object({
  id: text,
  model: text,
  status: text,
  incomplete_details: z.object({ reason: text }).nullish().catch(null),
  usage: lenientUsage,
});
export type ResponsesObject = z.infer<typeof responsesObjectSchema>;

/** One Responses API stream event (`type` is e.g. "response.output_text.delta"). */
export const responsesEventSchema = z.object({
  type: z.string(),
  delta: z.unknown().optional(),
  response: responsesObjectSchema.nullish().catch(null),
});

/** GET /models in the OpenAI list shape (also Anthropic's). */
export const modelListSchema = z.object({
  data: z.array(z.object({ id: z.string() }).nullish().catch(null)).nullish().catch(null),
});
