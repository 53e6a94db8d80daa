import { apiKeyRequired, apiKeyScheme } from "./shared";
import type { ProviderDescriptor } from "./types";

export const doublewordDescriptor = {
  type: "doubleword",
  label: "Doubleword",
  defaultBaseUrl: "https://api.doubleword.ai/v1",
  wireFamily: "openai",
  catalogProviders: ["doubleword", null],
  credentialSchemes: apiKeyScheme(),
  credentials: apiKeyRequired,
  popularModels: [],
} as const satisfies ProviderDescriptor;
