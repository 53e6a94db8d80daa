// Azure AI Foundry's OpenAI v1 API. The base URL is the resource's /openai/v1
// (https://<resource>.openai.azure.com/openai/v1); there is no default, so the
// provider must set one. Keys go in the api-key header.
import { azureDescriptor } from "@/lib/providers/descriptors/azure";
import { createOpenAICompatibleAdapter } from "../openai-compatible";

export const azureAdapter = createOpenAICompatibleAdapter({
  type: azureDescriptor.type,
  defaultBaseUrl: azureDescriptor.defaultBaseUrl,
  auth: "api-key-header",
});
