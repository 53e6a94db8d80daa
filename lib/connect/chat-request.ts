// The Playground's request for one chat turn, in the route's own wire format:
// streaming chat completions, Anthropic messages, Gemini streamGenerateContent
// (SSE), or Bedrock Converse (JSON; its stream is AWS event-stream, not SSE).
import { ANTHROPIC_VERSION } from "../providers/descriptors";
import type { WireFamily } from "./wire-family";

export interface ChatMessage {
  role: "user" | "assistant";
  content: string;
}

export interface ChatSettings {
  route: string;
  model: string;
  /** The gateway key's plaintext. */
  apiKey: string;
  /** Provider type of the route, for type-specific fields (max_completion_tokens). */
  providerType: string | null;
  system: string;
  temperature: number | null;
  maxTokens: number | null;
}

export interface ChatHttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Whether the answer is an SSE stream (false: one JSON body). */
  stream: boolean;
}

/** Anthropic requires max_tokens; this is what the Playground sends when the field is empty. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024;

const JSON_HEADERS = { "content-type": "application/json" };

function proxyPath(route: string, path: string): string {
  return `/proxy/${encodeURIComponent(route)}/${path}`;
}

function openAIRequest(settings: ChatSettings, messages: ChatMessage[]): ChatHttpRequest {
  // OpenAI's reasoning models refuse max_tokens; other OpenAI-wire servers may not know its successor.
  const maxField = settings.providerType === "openai" || settings.providerType === "azure" ? "max_completion_tokens" : "max_tokens";
  const body = {
    model: settings.model,
    messages: [...(settings.system ? [{ role: "system", content: settings.system }] : []), ...messages],
    stream: true,
    stream_options: { include_usage: true },
    ...(settings.temperature === null ? {} : { temperature: settings.temperature }),
    ...(settings.maxTokens === null ? {} : { [maxField]: settings.maxTokens }),
  };
  return {
    url: proxyPath(settings.route, "chat/completions"),
    headers: { ...JSON_HEADERS, authorization: `Bearer ${settings.apiKey}` },
    body: JSON.stringify(body),
    stream: true,
  };
}

function anthropicRequest(settings: ChatSettings, messages: ChatMessage[]): ChatHttpRequest {
  const body = {
    model: settings.model,
    max_tokens: settings.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    ...(settings.system ? { system: settings.system } : {}),
    messages,
    stream: true,
    ...(settings.temperature === null ? {} : { temperature: settings.temperature }),
  };
  return {
    url: proxyPath(settings.route, "v1/messages"),
    headers: {
      ...JSON_HEADERS,
      "x-api-key": settings.apiKey,
      "anthropic-version": ANTHROPIC_VERSION,
      // The proxy forwards the browser's Origin; Anthropic refuses browser calls without this opt-in.
      "anthropic-dangerous-direct-browser-access": "true",
    },
    body: JSON.stringify(body),
    stream: true,
  };
}

function generationConfig(settings: ChatSettings) {
  const config: Record<string, number> = {};
  if (settings.temperature !== null) config.temperature = settings.temperature;
  if (settings.maxTokens !== null) config.maxOutputTokens = settings.maxTokens;
  return Object.keys(config).length ? { generationConfig: config } : {};
}

function googleRequest(settings: ChatSettings, messages: ChatMessage[]): ChatHttpRequest {
  const model = encodeURIComponent(settings.model.replace(/^models\//, ""));
  const body = {
    contents: messages.map((message) => ({ role: message.role === "assistant" ? "model" : "user", parts: [{ text: message.content }] })),
    ...(settings.system ? { systemInstruction: { parts: [{ text: settings.system }] } } : {}),
    ...generationConfig(settings),
  };
  return {
    url: proxyPath(settings.route, `v1beta/models/${model}:streamGenerateContent?alt=sse`),
    headers: { ...JSON_HEADERS, "x-goog-api-key": settings.apiKey },
    body: JSON.stringify(body),
    stream: true,
  };
}

function bedrockRequest(settings: ChatSettings, messages: ChatMessage[]): ChatHttpRequest {
  const inferenceConfig: Record<string, number> = {};
  if (settings.temperature !== null) inferenceConfig.temperature = settings.temperature;
  if (settings.maxTokens !== null) inferenceConfig.maxTokens = settings.maxTokens;
  const body = {
    messages: messages.map((message) => ({ role: message.role, content: [{ text: message.content }] })),
    ...(settings.system ? { system: [{ text: settings.system }] } : {}),
    ...(Object.keys(inferenceConfig).length ? { inferenceConfig } : {}),
  };
  return {
    url: proxyPath(settings.route, `model/${encodeURIComponent(settings.model)}/converse`),
    headers: { ...JSON_HEADERS, authorization: `Bearer ${settings.apiKey}` },
    body: JSON.stringify(body),
    stream: false,
  };
}

export function buildChatRequest(family: WireFamily, settings: ChatSettings, messages: ChatMessage[]): ChatHttpRequest {
  switch (family) {
    case "anthropic":
      return anthropicRequest(settings, messages);
    case "google":
      return googleRequest(settings, messages);
    case "bedrock":
      return bedrockRequest(settings, messages);
    case "openai":
      return openAIRequest(settings, messages);
  }
}
