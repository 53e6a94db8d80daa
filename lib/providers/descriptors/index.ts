// Every provider type the gateway knows, in the order the dashboard lists them.
// Register a new type's descriptor here (and its adapter in proxy/providers/registry.ts).
import { anthropicDescriptor } from "./anthropic";
import { azureDescriptor } from "./azure";
import { bedrockDescriptor } from "./bedrock";
import { doublewordDescriptor } from "./doubleword";
import { googleDescriptor } from "./google";
import { googleVertexDescriptor } from "./google-vertex";
import { groqDescriptor } from "./groq";
import { huggingfaceDescriptor } from "./huggingface";
import { mistralDescriptor } from "./mistral";
import { ollamaDescriptor } from "./ollama";
import { openaiDescriptor } from "./openai";
import { openaiCompatibleDescriptor } from "./openai-compatible";
import { togetherDescriptor } from "./together";
import type { ProviderDescriptor } from "./types";

const DESCRIPTORS = [
  openaiDescriptor,
  anthropicDescriptor,
  googleDescriptor,
  googleVertexDescriptor,
  bedrockDescriptor,
  azureDescriptor,
  groqDescriptor,
  mistralDescriptor,
  huggingfaceDescriptor,
  doublewordDescriptor,
  togetherDescriptor,
  ollamaDescriptor,
  openaiCompatibleDescriptor,
] as const;

export type ProviderType = (typeof DESCRIPTORS)[number]["type"];

export const PROVIDER_TYPES = DESCRIPTORS.map((descriptor) => descriptor.type) as unknown as readonly [ProviderType, ...ProviderType[]];

const BY_TYPE = new Map<string, ProviderDescriptor>(DESCRIPTORS.map((descriptor) => [descriptor.type, descriptor]));

/** The descriptor of a type, or undefined for a type this build does not know. */
export function descriptorOf(type: string): ProviderDescriptor | undefined {
  return BY_TYPE.get(type);
}

/** The descriptor of a known type. */
export function descriptorFor(type: ProviderType): ProviderDescriptor {
  return BY_TYPE.get(type)!;
}

export type { CredentialFieldSpec, CredentialScheme, ProviderDescriptor, WireFamily } from "./types";
export { ANTHROPIC_VERSION } from "./shared";
