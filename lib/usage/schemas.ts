// Zod schemas of GET /api/v1/usage (SPEC §3): the query and the answer.
import { z } from "zod";
import { usageFilterQueryShape } from "./filter-schemas";
import { isoInstantSchema } from "./time-range";

export const USAGE_PAGE_DEFAULT = 50;
export const USAGE_PAGE_MAX = 500;

export const listUsageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(USAGE_PAGE_MAX, `limit can be at most ${USAGE_PAGE_MAX}`)
    .default(USAGE_PAGE_DEFAULT),
  cursor: z.string().min(1, "cursor cannot be empty").optional(),
  from: isoInstantSchema("from").optional(),
  to: isoInstantSchema("to").optional(),
  key: z.string().min(1, "key cannot be empty").optional().describe("An API key id"),
  project: z.string().min(1, "project cannot be empty").optional().describe("A project slug"),
  ...usageFilterQueryShape,
});

export type ListUsageQuery = z.infer<typeof listUsageQuerySchema>;

export const usageItemSchema = z.object({
  id: z.string(),
  time: z.string().describe("ISO 8601"),
  keyId: z.string().nullable(),
  project: z.string().nullable().describe("Project slug"),
  memberId: z.string().nullable().describe("Owner of the personal key; null for project keys"),
  provider: z.string().nullable().describe("Slug of the provider that served (or last tried) the request"),
  route: z.string().nullable().describe("The provider or routing group slug the client called"),
  model: z.string().nullable(),
  status: z.number().int(),
  inputTokens: z.number().int().describe("All input tokens, cache reads and writes included"),
  outputTokens: z.number().int().describe("All output tokens, reasoning and audio included"),
  cacheReadTokens: z.number().int().describe("Part of inputTokens read from the prompt cache"),
  cacheWriteTokens: z.number().int().describe("Part of inputTokens written to the prompt cache"),
  cacheWrite5mTokens: z.number().int().describe("Part of cacheWriteTokens cached for 5 minutes"),
  cacheWrite1hTokens: z.number().int().describe("Part of cacheWriteTokens cached for 1 hour"),
  reasoningTokens: z.number().int().describe("Part of outputTokens spent reasoning"),
  inputAudioTokens: z.number().int().describe("Part of inputTokens that is audio"),
  outputAudioTokens: z.number().int().describe("Part of outputTokens that is audio"),
  audioSeconds: z.number().describe("Seconds of audio billed by duration (transcription)"),
  costUsd: z.number(),
  estimated: z.boolean().describe("True when the upstream reported no usage and the tokens were estimated"),
  latencyMs: z.number().int(),
  ttfbMs: z.number().int().nullable(),
  attempts: z.number().int(),
  error: z.string().nullable().describe("Error code (or message) when the request failed or was refused"),
  traceId: z.string().nullable(),
});

export type UsageItem = z.infer<typeof usageItemSchema>;

export const listUsageResponseSchema = z.object({
  items: z.array(usageItemSchema),
  nextCursor: z.string().nullable(),
});

export type UsagePage = z.infer<typeof listUsageResponseSchema>;
