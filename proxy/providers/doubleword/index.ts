// Doubleword's OpenAI-compatible inference API.
import { doublewordDescriptor } from "@/lib/providers/descriptors/doubleword";
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const doublewordAdapter = createOpenAICompatibleAdapter({
  type: doublewordDescriptor.type,
  defaultBaseUrl: doublewordDescriptor.defaultBaseUrl,
  auth: "bearer",
});
