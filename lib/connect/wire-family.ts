// Which wire format a route speaks, from its provider type(s): it decides the
// SDKs that can call it, the paths a client uses and how the Playground streams.
export type WireFamily = "openai" | "anthropic" | "google" | "bedrock";

const FAMILY_BY_TYPE: Record<string, WireFamily> = {
  anthropic: "anthropic",
  google: "google",
  "google-vertex": "google",
  bedrock: "bedrock",
};

export function wireFamilyOfType(type: string): WireFamily {
  return FAMILY_BY_TYPE[type] ?? "openai";
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
