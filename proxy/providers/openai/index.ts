// OpenAI's own API: chat/completions, responses, embeddings, models.
import { openaiDescriptor } from "@/lib/providers/descriptors/openai";
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const openaiAdapter = createOpenAICompatibleAdapter({
  type: openaiDescriptor.type,
  defaultBaseUrl: openaiDescriptor.defaultBaseUrl,
  auth: "bearer",
});
