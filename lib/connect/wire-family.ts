// Which wire format a route speaks, from its provider type(s): it decides the
// SDKs that can call it, the paths a client uses and how the Playground streams.
import { descriptorOf, type WireFamily } from "../providers/descriptors";

export type { WireFamily };

/** The type's wire family (its descriptor's); OpenAI's for a type this build does not know. */
export function wireFamilyOfType(type: string): WireFamily {
  return descriptorOf(type)?.wireFamily ?? "openai";
}

/** The family all of a route's provider types share, or null when a routing group mixes formats. */
export function wireFamilyOfRoute(providerTypes: readonly string[]): WireFamily | null {
  const families = new Set(providerTypes.map(wireFamilyOfType));
  if (families.size === 0) return "openai";
  return families.size === 1 ? [...families][0] : null;
}

export const WIRE_FAMILY_LABELS: Record<WireFamily, string> = {
  openai: "OpenAI-compatible API",
  anthropic: "Anthropic Messages API",
  google: "Gemini API",
  bedrock: "Amazon Bedrock API",
};
