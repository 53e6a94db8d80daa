// Groq's OpenAI-compatible API (stream usage may also arrive in x_groq.usage).
import { groqDescriptor } from "@/lib/providers/descriptors/groq";
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const groqAdapter = createOpenAICompatibleAdapter({
  type: groqDescriptor.type,
  defaultBaseUrl: groqDescriptor.defaultBaseUrl,
  auth: "bearer",
});
