// Reads what a Gemini-style path asks for: `v1beta/models/{model}:{method}` and the
// Vertex spellings (`…/publishers/google/models/{model}:{method}`).
import type { RequestInfo } from "../types";
import { objectOrNull, positiveInteger } from "../shared/json-values";

export interface GeminiPath {
  /** Everything before `models/…`, e.g. "v1beta/" or "v1beta1/projects/p/locations/l/publishers/google/". */
  prefix: string;
  /** "v1", "v1beta", "v1beta1", … when the path starts with a version. */
  version?: string;
  /** "models" or "tunedModels". */
  collection: string;
  model?: string;
  /** e.g. "generateContent"; undefined for `models` and `models/{model}` GETs. */
  method?: string;
}

const modelPathPattern =
  /^(?<prefix>(?:.*\/)?)(?<collection>models|tunedModels)(?:\/(?<model>[^/:]+)(?::(?<method>[A-Za-z]+))?)?\/?$/;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Splits a Gemini path; null when it does not address models at all (files, cachedContents, …). */
export function parseGeminiPath(path: string): GeminiPath | null {
  const clean = safeDecode(path.replace(/^\/+/, ""));
  const match = modelPathPattern.exec(clean);
  if (!match?.groups) return null;
  const { prefix, collection, model, method } = match.groups;
  const version = /^(v\d+[a-z0-9]*)\//.exec(prefix ?? "")?.[1];
  return {
    prefix: prefix ?? "",
    ...(version ? { version } : {}),
    collection: collection!,
    ...(model ? { model } : {}),
    ...(method ? { method } : {}),
  };
}

const operationByMethod: Record<string, string> = {
  generateContent: "chat",
  streamGenerateContent: "chat",
  embedContent: "embeddings",
  batchEmbedContents: "embeddings",
  countTokens: "count_tokens",
  computeTokens: "count_tokens",
  // Vertex's partner models (publishers/anthropic, publishers/mistralai) answer in their own format.
  rawPredict: "chat",
  streamRawPredict: "chat",
};

const STREAMING_METHODS = new Set(["streamGenerateContent", "streamRawPredict"]);

function operationOf(parsed: GeminiPath | null): string {
  if (!parsed) return "other";
  if (!parsed.method) return parsed.model ? "get_model" : "list_models";
  if (parsed.method === "predict" && parsed.model?.includes("embedding")) return "embeddings";
  return operationByMethod[parsed.method] ?? "other";
}

function maxOutputTokensOf(json: unknown): number | undefined {
  return positiveInteger(objectOrNull(objectOrNull(json)?.generationConfig)?.maxOutputTokens);
}

/** rawPredict bodies are the partner's own (Anthropic's max_tokens). */
function rawPredictMaxTokens(json: unknown): number | undefined {
  return positiveInteger(objectOrNull(json)?.max_tokens);
}

/** RequestInfo for any Gemini-path request (Gemini API and Vertex alike). */
export function geminiRequestInfo(path: string, _search: string, json: unknown): RequestInfo {
  const parsed = parseGeminiPath(path);
  const isRawPredict = parsed?.method === "rawPredict" || parsed?.method === "streamRawPredict";
  const maxOutputTokens = isRawPredict ? rawPredictMaxTokens(json) : maxOutputTokensOf(json);
  return {
    operation: operationOf(parsed),
    ...(parsed?.model ? { model: parsed.model } : {}),
    stream: STREAMING_METHODS.has(parsed?.method ?? ""),
    ...(maxOutputTokens !== undefined ? { maxOutputTokens } : {}),
  };
}
