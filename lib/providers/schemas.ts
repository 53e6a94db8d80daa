// Zod schemas of the providers API (SPEC §3). Credentials are write-only:
// accepted here, never part of an answer.
import { z } from "zod";
import { PROVIDER_TYPES } from "./descriptors";
import { anyCredentials } from "./descriptors/shared";

// The types themselves, with everything else known about each, are the descriptors.
export { PROVIDER_TYPES, type ProviderType } from "./descriptors";

export const slugSchema = z
  .string()
  .min(1, "slug is required")
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-_.]*$/, "slug may contain lowercase letters, digits, '-', '_' and '.', starting with a letter or digit");

const usdPerMillion = z.number().min(0, "prices cannot be negative").max(1_000_000);

export const priceSchema = z.object({
  model: z.string().min(1),
  inputPerMillion: usdPerMillion,
  outputPerMillion: usdPerMillion,
  cacheReadPerMillion: usdPerMillion.nullish().describe("Cache reads; billed as input when absent"),
  cacheWritePerMillion: usdPerMillion.nullish().describe("Cache writes (Anthropic's 5-minute rate); billed as input when absent"),
  cacheWrite1hPerMillion: usdPerMillion.nullish().describe("1-hour cache writes; billed at cacheWritePerMillion when absent"),
  reasoningPerMillion: usdPerMillion.nullish().describe("Reasoning (thinking) tokens; billed as output when absent"),
  perMinute: z.number().min(0, "prices cannot be negative").max(1_000).nullish().describe("USD per minute of audio (transcription)"),
});

/** The price of models with no custom or catalog price (SPEC §6). */
export const fallbackPriceSchema = z.object({
  inputPerMillion: usdPerMillion,
  outputPerMillion: usdPerMillion,
});

/** Type-specific credentials; every field optional here, checked per type by its descriptor (validateProviderConfig). */
export const credentialsSchema = anyCredentials.strict();

export type ProviderCredentials = z.infer<typeof credentialsSchema>;

export const createProviderSchema = z.object({
  slug: slugSchema,
  name: z.string().min(1).max(100).optional(),
  type: z.enum(PROVIDER_TYPES, { message: `type must be one of ${PROVIDER_TYPES.join(", ")}` }),
  baseUrl: z.string().url("baseUrl must be a URL").optional(),
  apiKey: z.string().min(1).optional(),
  credentials: credentialsSchema.optional(),
  requirePricing: z.boolean().optional(),
  prices: z.array(priceSchema).max(500).optional(),
  fallbackPrice: fallbackPriceSchema.nullable().optional(),
  reserveOutputTokens: z.number().int().min(1).max(1_000_000).optional(),
  enabled: z.boolean().optional(),
});

export const updateProviderSchema = createProviderSchema
  .omit({ slug: true, type: true })
  .extend({ baseUrl: z.string().url("baseUrl must be a URL").nullable().optional() })
  .partial();

export type CreateProviderInput = z.infer<typeof createProviderSchema>;
export type UpdateProviderInput = z.infer<typeof updateProviderSchema>;

export const providerResponseSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  type: z.enum(PROVIDER_TYPES),
  kind: z.enum(["byok", "built-in"]),
  baseUrl: z.string().nullable(),
  requirePricing: z.boolean(),
  reserveOutputTokens: z.number().nullable(),
  enabled: z.boolean(),
  hasCredentials: z.boolean(),
  credentialFields: z.array(z.string()),
  prices: z.array(priceSchema),
  fallbackPrice: fallbackPriceSchema.nullable(),
  createdAt: z.string().nullable(),
});

export type ProviderResponse = z.infer<typeof providerResponseSchema>;
