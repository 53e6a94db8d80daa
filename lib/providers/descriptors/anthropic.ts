import { apiKeyRequired, apiKeyScheme } from "./shared";
import type { ProviderDescriptor } from "./types";

export const anthropicDescriptor = {
  type: "anthropic",
  label: "Anthropic",
  defaultBaseUrl: "https://api.anthropic.com",
  wireFamily: "anthropic",
  catalogProviders: ["anthropic"],
  credentialSchemes: apiKeyScheme(),
  credentials: apiKeyRequired,
  probeModel: "claude-3-5-haiku-latest",
  popularModels: ["claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5", "claude-3-5-haiku-latest"],
} as const satisfies ProviderDescriptor;
