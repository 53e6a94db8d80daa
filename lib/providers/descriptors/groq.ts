import { apiKeyRequired, apiKeyScheme } from "./shared";
import type { ProviderDescriptor } from "./types";

export const groqDescriptor = {
  type: "groq",
  label: "Groq",
  defaultBaseUrl: "https://api.groq.com/openai/v1",
  wireFamily: "openai",
  catalogProviders: ["groq"],
  credentialSchemes: apiKeyScheme(),
  credentials: apiKeyRequired,
  probeModel: "llama-3.1-8b-instant",
  popularModels: ["llama-3.3-70b-versatile", "llama-3.1-8b-instant", "openai/gpt-oss-120b", "openai/gpt-oss-20b"],
} as const satisfies ProviderDescriptor;
