// Any server speaking the OpenAI wire format (vLLM, LM Studio, LiteLLM, …) at a
// base URL the admin gives; Bearer auth when an API key is configured.
import { openaiCompatibleDescriptor } from "@/lib/providers/descriptors/openai-compatible";
import { createOpenAICompatibleAdapter } from "./create-openai-compatible-adapter";

export { createOpenAICompatibleAdapter, openAIStreamErrorEvent } from "./create-openai-compatible-adapter";
export type { OpenAICompatibleOptions } from "./create-openai-compatible-adapter";
export type { OpenAICompatibleAuth } from "./upstream-request";

export const openaiCompatibleAdapter = createOpenAICompatibleAdapter({
  type: openaiCompatibleDescriptor.type,
  defaultBaseUrl: openaiCompatibleDescriptor.defaultBaseUrl,
  auth: "bearer",
});
