// gen_ai.provider.name for each provider type, using the convention's
// well-known values where one exists. OpenAI-compatible servers speak OpenAI's
// API, which is what the convention asks instrumentations to report.
const PROVIDER_NAMES: Record<string, string> = {
  openai: "openai",
  "openai-compatible": "openai",
  azure: "azure.ai.openai",
  anthropic: "anthropic",
  google: "gcp.gemini",
  "google-vertex": "gcp.vertex_ai",
  bedrock: "aws.bedrock",
  groq: "groq",
  mistral: "mistral_ai",
};

export function genAIProviderName(providerType: string): string {
  return PROVIDER_NAMES[providerType] ?? providerType;
}
