import { apiKeyRequired, apiKeyScheme } from "./shared";
import type { ProviderDescriptor } from "./types";

export const mistralDescriptor = {
  type: "mistral",
  label: "Mistral",
  defaultBaseUrl: "https://api.mistral.ai/v1",
  wireFamily: "openai",
  catalogProviders: ["mistral"],
  credentialSchemes: apiKeyScheme(),
  credentials: apiKeyRequired,
  probeModel: "mistral-small-latest",
  popularModels: ["mistral-large-latest", "mistral-medium-latest", "mistral-small-latest", "codestral-latest"],
} as const satisfies ProviderDescriptor;
