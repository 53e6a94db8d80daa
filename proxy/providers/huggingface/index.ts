// Hugging Face Inference Providers through the router's OpenAI-compatible API.
import { huggingfaceDescriptor } from "@/lib/providers/descriptors/huggingface";
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const huggingfaceAdapter = createOpenAICompatibleAdapter({
  type: huggingfaceDescriptor.type,
  defaultBaseUrl: huggingfaceDescriptor.defaultBaseUrl,
  auth: "bearer",
});
