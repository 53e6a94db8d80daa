// What the engine needs to know about an Anthropic request before forwarding it.
import type { RequestInfo } from "../types";
import { positiveInteger } from "../shared/json-values";

export type AnthropicEndpoint = "messages" | "count_tokens" | "complete" | "openai-chat" | "models" | "other";

/** The endpoint a path addresses ("v1/messages", "v1/messages/count_tokens", "v1/models", …). */
export function classifyAnthropicPath(path: string): AnthropicEndpoint {
  const segments = path.split("?")[0].split("/").filter((segment) => segment !== "");
  const last = segments[segments.length - 1];
  const beforeLast = segments[segments.length - 2];
  if (last === "messages") return "messages";
  // The OpenAI SDK compatibility layer: v1/chat/completions.
  if (last === "completions" && beforeLast === "chat") return "openai-chat";
  if (last === "count_tokens" && beforeLast === "messages") return "count_tokens";
  if (last === "complete") return "complete";
  if (last === "models" || beforeLast === "models") return "models";
  return "other";
}

const OPERATIONS: Record<AnthropicEndpoint, string> = {
  messages: "chat",
  count_tokens: "count_tokens",
  complete: "text_completion",
  "openai-chat": "chat",
  models: "list_models",
  other: "other",
};


export function anthropicRequestInfo(path: string, _search: string, json: unknown): RequestInfo {
  const endpoint = classifyAnthropicPath(path);
  const info: RequestInfo = { operation: OPERATIONS[endpoint], stream: false };
  if (typeof json !== "object" || json === null || Array.isArray(json)) return info;
  const body = json as Record<string, unknown>;
  if (typeof body.model === "string" && body.model !== "") info.model = body.model;
  // count_tokens generates nothing, so it has neither a stream nor an output cap.
  if (endpoint === "count_tokens") return info;
  info.stream = body.stream === true;
  const maxOutputTokens =
    positiveInteger(body.max_tokens) ?? positiveInteger(body.max_tokens_to_sample) ?? positiveInteger(body.max_completion_tokens);
  if (maxOutputTokens !== undefined) info.maxOutputTokens = maxOutputTokens;
  return info;
}
