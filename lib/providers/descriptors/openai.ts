import { apiKeyRequired, apiKeyScheme } from "./shared";
import type { ProviderDescriptor } from "./types";

export const openaiDescriptor = {
  type: "openai",
  label: "OpenAI",
  defaultBaseUrl: "https://api.openai.com/v1",
  wireFamily: "openai",
  catalogProviders: ["openai"],
  credentialSchemes: apiKeyScheme(),
  credentials: apiKeyRequired,
  probeModel: "gpt-4o-mini",
  popularModels: ["gpt-5", "gpt-5-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini", "o4-mini"],
} as const satisfies ProviderDescriptor;
