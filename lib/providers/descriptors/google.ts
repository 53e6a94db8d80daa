import { apiKeyRequired, apiKeyScheme } from "./shared";
import type { ProviderDescriptor } from "./types";

export const googleDescriptor = {
  type: "google",
  label: "Google Gemini API",
  defaultBaseUrl: "https://generativelanguage.googleapis.com",
  wireFamily: "google",
  catalogProviders: ["google"],
  credentialSchemes: apiKeyScheme(),
  credentials: apiKeyRequired,
  probeModel: "gemini-2.0-flash",
  popularModels: ["gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.0-flash"],
} as const satisfies ProviderDescriptor;
