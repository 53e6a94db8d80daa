// Minimal zod schemas of the Gemini wire format: only the fields the gateway reads.
// Everything is `.nullish()` because the upstream may omit any of them.
import { z } from "zod";

const tokenCount = z.number().int().nonnegative().nullish().catch(null);

/** Per-modality counts: [{ modality: "TEXT" | "AUDIO" | "IMAGE" | "VIDEO" | "DOCUMENT", tokenCount }]. */
const modalityCounts = z
  .array(z.object({ modality: z.string().nullish().catch(null), tokenCount: tokenCount }).nullish().catch(null))
  .nullish()
  .catch(null);

export const geminiUsageMetadataSchema = z.object({
  promptTokensDetails: modalityCounts,
  cacheTokensDetails: modalityCounts,
  candidatesTokensDetails: modalityCounts,
  toolUsePromptTokensDetails: modalityCounts,
  promptTokenCount: tokenCount,
  candidatesTokenCount: tokenCount,
  thoughtsTokenCount: tokenCount,
  toolUsePromptTokenCount: tokenCount,
  cachedContentTokenCount: tokenCount,
  totalTokenCount: tokenCount,
});

const partSchema = z.object({ text: z.string().nullish() });

const candidateSchema = z.object({
  index: z.number().nullish(),
  finishReason: z.string().nullish(),
  content: z.object({ parts: z.array(partSchema).nullish().catch(null) }).nullish().catch(null),
});

/** One GenerateContentResponse: a whole answer, or one chunk of a stream. */
export const geminiResponseSchema = z.object({
  candidates: z.array(candidateSchema).nullish().catch(null),
  usageMetadata: geminiUsageMetadataSchema.nullish().catch(null),
  modelVersion: z.string().nullish().catch(null),
  responseId: z.string().nullish().catch(null),
});

/** countTokens answers with a bare total; the call itself is free. */
export const geminiCountTokensSchema = z.object({ totalTokens: z.number() });

/** Vertex `:predict` embeddings report tokens per instance. */
export const vertexPredictEmbeddingsSchema = z.object({
  predictions: z.array(
    z.object({
      embeddings: z
        .object({ statistics: z.object({ token_count: z.number().nullish() }).nullish() })
        .nullish(),
    }),
  ),
});

export const geminiModelListSchema = z.object({
  models: z
    .array(
      z.object({
        name: z.string(),
        supportedGenerationMethods: z.array(z.string()).nullish(),
      }),
    )
    .nullish(),
  nextPageToken: z.string().nullish(),
});

export type GeminiResponse = z.infer<typeof geminiResponseSchema>;
export type GeminiUsageMetadata = z.infer<typeof geminiUsageMetadataSchema>;
export type GeminiModalityCounts = GeminiUsageMetadata["promptTokensDetails"];
