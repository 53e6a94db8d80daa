// Well-known model ids per provider type, offered as suggestions when a
// provider cannot list its models (offline, slow, or a type without a list
// endpoint such as Bedrock). Any other model id the upstream serves still works.
import type { ProviderType } from "../providers/schemas";

const OPENAI = ["gpt-5", "gpt-5-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini", "o4-mini"];
const GEMINI = ["gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.0-flash"];

export const POPULAR_MODELS: Record<ProviderType, readonly string[]> = {
  openai: OPENAI,
  azure: ["gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini"],
  anthropic: ["claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5", "claude-3-5-haiku-latest"],
  google: GEMINI,
  "google-vertex": GEMINI,
  bedrock: [
    "anthropic.claude-3-5-sonnet-20240620-v1:0",
    "anthropic.claude-3-haiku-20240307-v1:0",
    "amazon.nova-pro-v1:0",
    "amazon.nova-lite-v1:0",
    "meta.llama3-1-70b-instruct-v1:0",
  ],
  groq: ["llama-3.3-70b-versatile", "llama-3.1-8b-instant", "openai/gpt-oss-120b", "openai/gpt-oss-20b"],
  mistral: ["mistral-large-latest", "mistral-medium-latest", "mistral-small-latest", "codestral-latest"],
  huggingface: ["meta-llama/Llama-3.3-70B-Instruct", "Qwen/Qwen2.5-72B-Instruct", "openai/gpt-oss-120b"],
  doubleword: [],
  ollama: ["llama3.2", "qwen2.5", "mistral", "gemma3"],
  "openai-compatible": [],
};

export function popularModels(type: string): readonly string[] {
  return POPULAR_MODELS[type as ProviderType] ?? [];
}
