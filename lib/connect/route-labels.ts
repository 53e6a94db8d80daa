// How routes are named in Connect's and the Playground's pickers.
import type { RouteSummary } from "../routes/operations";

const TYPE_LABELS: Record<string, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  google: "Gemini API",
  "google-vertex": "Vertex AI",
  bedrock: "Bedrock",
  azure: "Azure",
  groq: "Groq",
  mistral: "Mistral",
  huggingface: "Hugging Face",
  doubleword: "Doubleword",
  ollama: "Ollama",
  "openai-compatible": "OpenAI-compatible",
};

export function providerTypeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}

/** "openai · OpenAI" for a provider, "balanced · routing group (OpenAI, Groq)" for a group. */
export function routeOptionLabel(route: Pick<RouteSummary, "slug" | "kind" | "providerTypes">): string {
  const types = route.providerTypes.map(providerTypeLabel).join(", ");
  return route.kind === "group" ? `${route.slug} · routing group (${types})` : `${route.slug} · ${types}`;
}

// Models a chat snippet or the Playground should not default to.
const NON_CHAT = /embed|whisper|tts|dall-e|moderation|image|audio|realtime|transcribe|search|rerank|davinci|babbage/i;

/** A sensible model to start with: a popular small chat model when offered, else the first chat-looking one. */
export function defaultModel(models: readonly string[]): string {
  const preferred = ["gpt-4o-mini", "gpt-4.1-mini", "claude-haiku-4-5", "claude-sonnet-4-5", "gemini-2.5-flash", "llama-3.3-70b-versatile", "mistral-small-latest"];
  return preferred.find((model) => models.includes(model)) ?? models.find((model) => !NON_CHAT.test(model)) ?? models[0] ?? "";
}

/** The route to start with: one whose upstream listed its models (most likely to work right away), else the first. */
export function defaultRoute<Route extends Pick<RouteSummary, "modelsSource">>(routes: readonly Route[]): Route | null {
  return routes.find((route) => route.modelsSource === "provider") ?? routes[0] ?? null;
}
