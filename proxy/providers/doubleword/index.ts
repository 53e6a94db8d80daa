// Doubleword's OpenAI-compatible inference API.
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const doublewordAdapter = createOpenAICompatibleAdapter({
  type: "doubleword",
  defaultBaseUrl: "https://api.doubleword.ai/v1",
  auth: "bearer",
});
