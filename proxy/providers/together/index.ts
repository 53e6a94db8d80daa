// Together AI's OpenAI-compatible API (chat/completions, completions, embeddings, models).
import { togetherDescriptor } from "@/lib/providers/descriptors/together";
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const togetherAdapter = createOpenAICompatibleAdapter({
  type: togetherDescriptor.type,
  defaultBaseUrl: togetherDescriptor.defaultBaseUrl,
  auth: "bearer",
});
