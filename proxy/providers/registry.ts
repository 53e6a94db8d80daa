// Every provider type's adapter, by type name. The list of types itself lives
// with the providers API schema so the dashboard and the proxy agree on it; the
// Record below fails to compile if a type has no adapter or an adapter no type.
import { PROVIDER_TYPES, type ProviderType } from "@/lib/providers/schemas";
import type { ProviderAdapter } from "./types";
import { anthropicAdapter } from "./anthropic";
import { azureAdapter } from "./azure";
import { bedrockAdapter } from "./bedrock";
import { doublewordAdapter } from "./doubleword";
import { googleAdapter } from "./google";
import { googleVertexAdapter } from "./google-vertex";
import { groqAdapter } from "./groq";
import { huggingfaceAdapter } from "./huggingface";
import { mistralAdapter } from "./mistral";
import { ollamaAdapter } from "./ollama";
import { openaiAdapter } from "./openai";
import { openaiCompatibleAdapter } from "./openai-compatible";
import { togetherAdapter } from "./together";

export { PROVIDER_TYPES, type ProviderType };

const ADAPTERS: Record<ProviderType, ProviderAdapter> = {
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  google: googleAdapter,
  "google-vertex": googleVertexAdapter,
  bedrock: bedrockAdapter,
  azure: azureAdapter,
  groq: groqAdapter,
  mistral: mistralAdapter,
  huggingface: huggingfaceAdapter,
  doubleword: doublewordAdapter,
  together: togetherAdapter,
  ollama: ollamaAdapter,
  "openai-compatible": openaiCompatibleAdapter,
};

/** The adapter for a provider type, or undefined for a type this build does not know. */
export function getAdapter(type: string): ProviderAdapter | undefined {
  return Object.hasOwn(ADAPTERS, type) ? ADAPTERS[type as ProviderType] : undefined;
}
