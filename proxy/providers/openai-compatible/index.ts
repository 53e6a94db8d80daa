// Any server speaking the OpenAI wire format (vLLM, LM Studio, LiteLLM, …) at a
// base URL the admin gives; Bearer auth when an API key is configured.
import { createOpenAICompatibleAdapter } from "./create-openai-compatible-adapter";

export { createOpenAICompatibleAdapter, openAIStreamErrorEvent } from "./create-openai-compatible-adapter";
export type { OpenAICompatibleOptions } from "./create-openai-compatible-adapter";
export type { OpenAICompatibleAuth } from "./upstream-request";

export const openaiCompatibleAdapter = createOpenAICompatibleAdapter({
  type: "openai-compatible",
  defaultBaseUrl: "",
  auth: "bearer",
});
