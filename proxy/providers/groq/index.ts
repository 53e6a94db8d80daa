// Groq's OpenAI-compatible API (stream usage may also arrive in x_groq.usage).
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const groqAdapter = createOpenAICompatibleAdapter({
  type: "groq",
  defaultBaseUrl: "https://api.groq.com/openai/v1",
  auth: "bearer",
});
