import { apiKeyRequired, apiKeyScheme } from "./shared";
import type { ProviderDescriptor } from "./types";

export const togetherDescriptor = {
  type: "together",
  label: "Together AI",
  defaultBaseUrl: "https://api.together.xyz/v1",
  wireFamily: "openai",
  // Together hosts open models of many vendors; genai-prices has its own price list for them.
  catalogProviders: ["together", null],
  credentialSchemes: apiKeyScheme(),
  credentials: apiKeyRequired,
  probeModel: "meta-llama/Llama-3.2-3B-Instruct-Turbo",
  popularModels: ["meta-llama/Llama-3.3-70B-Instruct-Turbo", "deepseek-ai/DeepSeek-V3", "Qwen/Qwen2.5-72B-Instruct-Turbo"],
} as const satisfies ProviderDescriptor;
