// GET /api/v1/usage/{id}: one request of the log with everything the detail
// drawer shows — the list item's fields plus who and what it was, each
// upstream attempt, and the cost per token class.
import { z } from "zod";
import { attemptSchema } from "./attempt-log";
import { usageItemSchema } from "./schemas";

export const costLineSchema = z.object({
  tokenClass: z.string().describe("A pricing unit such as input_tokens, cache_read_tokens, output_reasoning_tokens, or request for a flat fee"),
  tokens: z.number().int(),
  costUsd: z.number(),
});

export const usageDetailSchema = z.object({
  item: usageItemSchema,
  operation: z.string().nullable().describe("chat, responses, embeddings, messages, … as the proxy classified the call"),
  streamed: z.boolean(),
  estimated: z.boolean().describe("Usage estimated from the bytes seen (the upstream reported none)"),
  cacheReadTokens: z.number().int(),
  cacheWriteTokens: z.number().int(),
  errorMessage: z.string().nullable(),
  keyName: z.string().nullable(),
  projectName: z.string().nullable(),
  member: z.object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() }).nullable(),
  attemptLog: z.array(attemptSchema).describe("Each upstream attempt in order; the last one served or failed the request"),
  costBreakdown: z
    .object({ lines: z.array(costLineSchema), matchesRecorded: z.boolean() })
    .nullable()
    .describe("The cost per token class at the model's rates; null when the model has no price"),
});

export type UsageDetail = z.infer<typeof usageDetailSchema>;
