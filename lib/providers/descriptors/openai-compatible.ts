import { anyCredentials, apiKeyScheme } from "./shared";
import type { ProviderDescriptor } from "./types";

export const openaiCompatibleDescriptor = {
  type: "openai-compatible",
  label: "OpenAI-compatible",
  defaultBaseUrl: "",
  baseUrlHint: "The server's OpenAI-style base URL, e.g. https://llm.internal.example.com/v1",
  wireFamily: "openai",
  catalogProviders: [null],
  credentialSchemes: apiKeyScheme(false, "Sent as a Bearer token; leave empty for servers without authentication."),
  credentials: anyCredentials,
  popularModels: [],
} as const satisfies ProviderDescriptor;
