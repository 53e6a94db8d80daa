// What the engine needs to know about an OpenAI-wire request before forwarding it,
// and the one body rewrite we make: asking for stream usage on the client's behalf.
import type { RequestInfo } from "../types";
import { positiveInteger, objectOrNull } from "../shared/json-values";

export type OpenAIEndpoint =
  | "chat-completions"
  | "completions"
  | "responses"
  | "responses-input-tokens"
  | "embeddings"
  | "models"
  | "other";

/**
 * The endpoint a path addresses. Matches on the trailing segments so a custom
 * base URL without /v1 (client calls "v1/chat/completions") is recognised too.
 */
export function classifyOpenAIPath(path: string): OpenAIEndpoint {
  const segments = path.split("?")[0].split("/").filter((segment) => segment !== "");
  const last = segments[segments.length - 1];
  const beforeLast = segments[segments.length - 2];
  if (last === "completions") return beforeLast === "chat" ? "chat-completions" : "completions";
  if (last === "responses") return "responses";
  if (last === "input_tokens" && beforeLast === "responses") return "responses-input-tokens";
  if (last === "embeddings") return "embeddings";
  if (last === "models" || beforeLast === "models") return "models";
  // GET responses/{id}, responses/{id}/cancel and the like still belong to the Responses API.
  if (segments.includes("responses")) return "responses";
  return "other";
}

const OPERATIONS: Record<OpenAIEndpoint, string> = {
  "chat-completions": "chat",
  completions: "text_completion",
  responses: "chat",
  "responses-input-tokens": "count_tokens",
  embeddings: "embeddings",
  models: "list_models",
  other: "other",
};

export function openAIRequestInfo(path: string, _search: string, json: unknown): RequestInfo {
  const endpoint = classifyOpenAIPath(path);
  const info: RequestInfo = { operation: OPERATIONS[endpoint], stream: false };
  const body = objectOrNull(json);
  if (!body) return info;
  if (typeof body.model === "string" && body.model !== "") info.model = body.model;
  info.stream = body.stream === true;
  const maxOutputTokens =
    positiveInteger(body.max_completion_tokens) ??
    positiveInteger(body.max_tokens) ??
    positiveInteger(body.max_output_tokens);
  if (maxOutputTokens !== undefined) info.maxOutputTokens = maxOutputTokens;
  return info;
}

/**
 * Streams of chat/completions (and legacy completions) only report usage when
 * asked; ask on the client's behalf, keeping its other stream_options, so the
 * observer can meter the stream and strip the usage chunk the client did not want.
 */
export function injectStreamUsage(path: string, json: unknown): { json: unknown; injectedUsage: boolean } | null {
  const endpoint = classifyOpenAIPath(path);
  if (endpoint !== "chat-completions" && endpoint !== "completions") return null;
  const body = objectOrNull(json);
  if (!body || body.stream !== true) return null;
  const streamOptions = objectOrNull(body.stream_options) ?? {};
  if (streamOptions.include_usage === true) return null;
  return {
    json: { ...body, stream_options: { ...streamOptions, include_usage: true } },
    injectedUsage: true,
  };
}
