// Ollama's OpenAI-compatible endpoint. No auth by default; a configured API key
// is still sent as Bearer (for an Ollama behind an authenticating proxy).
import { ollamaDescriptor } from "@/lib/providers/descriptors/ollama";
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const ollamaAdapter = createOpenAICompatibleAdapter({
  type: ollamaDescriptor.type,
  defaultBaseUrl: ollamaDescriptor.defaultBaseUrl,
  auth: "none",
});
