// Hugging Face Inference Providers through the router's OpenAI-compatible API.
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const huggingfaceAdapter = createOpenAICompatibleAdapter({
  type: "huggingface",
  defaultBaseUrl: "https://router.huggingface.co/v1",
  auth: "bearer",
});
