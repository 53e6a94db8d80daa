// Ollama's OpenAI-compatible endpoint. No auth by default; a configured API key
// is still sent as Bearer (for an Ollama behind an authenticating proxy).
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const ollamaAdapter = createOpenAICompatibleAdapter({
  type: "ollama",
  defaultBaseUrl: "http://localhost:11434/v1",
  auth: "none",
});
