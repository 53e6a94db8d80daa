// Which wire format a request speaks, from its provider type and upstream path.
// Only generating calls have messages worth capturing; embeddings, token counts
// and model listings get no format (and so no content attributes).
import { anthropicMessagesFormat } from "./anthropic-messages";
import { bedrockConverseFormat } from "./bedrock-converse";
import { geminiGenerateContentFormat } from "./gemini-generate-content";
import type { WireFormat } from "./message-types";
import { openAIChatFormat } from "./openai-chat";
import { openAIResponsesFormat } from "./openai-responses";

const GOOGLE_TYPES = new Set(["google", "google-vertex"]);

export function wireFormatFor(providerType: string, path: string): WireFormat | null {
  const segments = path.split("?")[0].split("/").filter((segment) => segment !== "");
  const last = segments.at(-1) ?? "";
  if (providerType === "anthropic") return last === "messages" ? anthropicMessagesFormat : null;
  if (GOOGLE_TYPES.has(providerType)) return /:(stream)?generateContent$/i.test(last) ? geminiGenerateContentFormat : null;
  if (providerType === "bedrock") return last === "converse" || last === "converse-stream" ? bedrockConverseFormat : null;
  // Every other type speaks the OpenAI wire format.
  if (last === "completions") return openAIChatFormat; // chat/completions and legacy completions
  if (last === "responses") return openAIResponsesFormat;
  return null;
}
