import { apiKeyRequired, apiKeyScheme } from "./shared";
import type { ProviderDescriptor } from "./types";

export const azureDescriptor = {
  type: "azure",
  label: "Azure AI Foundry",
  // No default: the resource's own /openai/v1 endpoint.
  defaultBaseUrl: "",
  baseUrlHint: "Your resource's OpenAI v1 endpoint, e.g. https://<resource>.openai.azure.com/openai/v1",
  wireFamily: "openai",
  catalogProviders: ["azure", "openai"],
  credentialSchemes: apiKeyScheme(),
  credentials: apiKeyRequired,
  popularModels: ["gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini"],
} as const satisfies ProviderDescriptor;
