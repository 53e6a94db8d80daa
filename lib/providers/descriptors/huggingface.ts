import { apiKeyRequired, apiKeyScheme } from "./shared";
import type { ProviderDescriptor } from "./types";

export const huggingfaceDescriptor = {
  type: "huggingface",
  label: "Hugging Face",
  defaultBaseUrl: "https://router.huggingface.co/v1",
  wireFamily: "openai",
  catalogProviders: [null],
  credentialSchemes: apiKeyScheme(),
  credentials: apiKeyRequired,
  popularModels: ["meta-llama/Llama-3.3-70B-Instruct", "Qwen/Qwen2.5-72B-Instruct", "openai/gpt-oss-120b"],
} as const satisfies ProviderDescriptor;
