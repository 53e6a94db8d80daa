// OpenAI's own API: chat/completions, responses, embeddings, models.
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const openaiAdapter = createOpenAICompatibleAdapter({
  type: "openai",
  defaultBaseUrl: "https://api.openai.com/v1",
  auth: "bearer",
});
