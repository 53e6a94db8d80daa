import { anyCredentials, apiKeyScheme } from "./shared";
import type { ProviderDescriptor } from "./types";

export const ollamaDescriptor = {
  type: "ollama",
  label: "Ollama",
  defaultBaseUrl: "http://localhost:11434/v1",
  wireFamily: "openai",
  // Self-hosted models of every vendor: genai-prices picks by model name.
  catalogProviders: [null],
  credentialSchemes: apiKeyScheme(false, "Only if your Ollama server sits behind an authenticating proxy."),
  credentials: anyCredentials,
  popularModels: ["llama3.2", "qwen2.5", "mistral", "gemma3"],
} as const satisfies ProviderDescriptor;
