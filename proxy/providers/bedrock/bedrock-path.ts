// Reads Bedrock runtime paths: model/{modelId}/{action}. The model id is URL-encoded
// by SDKs ("anthropic.claude-3-haiku-20240307-v1%3A0", ARNs with %2F), and may arrive
// decoded, so the id is everything between "model/" and the last segment.
import type { RequestInfo } from "../types";
import { positiveInteger, objectOrNull } from "../shared/json-values";

export interface BedrockPath {
  /** Decoded model id, e.g. "anthropic.claude-3-haiku-20240307-v1:0" or an inference-profile ARN. */
  modelId: string;
  /** "converse", "converse-stream", "invoke", "invoke-with-response-stream", "count-tokens", … */
  action: string;
}

const modelPathPattern = /^\/*model\/(?<modelId>.+)\/(?<action>[a-z-]+)\/?$/;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function parseBedrockPath(path: string): BedrockPath | null {
  const match = modelPathPattern.exec(path);
  if (!match?.groups) return null;
  return { modelId: safeDecode(match.groups.modelId!), action: match.groups.action! };
}

/** The path to send upstream: the model id encoded once, whatever the client did. */
export function canonicalBedrockPath(path: string): string {
  const parsed = parseBedrockPath(path);
  if (!parsed) return path.replace(/^\/+/, "");
  return `model/${encodeURIComponent(parsed.modelId)}/${parsed.action}`;
}

const streamingActions = new Set(["converse-stream", "invoke-with-response-stream"]);

function operationOf(parsed: BedrockPath | null): string {
  if (!parsed) return "other";
  if (parsed.action === "count-tokens") return "count_tokens";
  if (parsed.action.startsWith("converse")) return "chat";
  if (parsed.action.startsWith("invoke")) return /embed/i.test(parsed.modelId) ? "embeddings" : "chat";
  return "other";
}


function field(value: unknown, name: string): unknown {
  return objectOrNull(value)?.[name];
}

/** The output cap in Converse and in the common model-native invoke bodies. */
function maxOutputTokensOf(json: unknown): number | undefined {
  const inferenceConfig = field(json, "inferenceConfig");
  return (
    positiveInteger(field(inferenceConfig, "maxTokens")) ?? // Converse
    positiveInteger(field(json, "max_tokens")) ?? // Anthropic, Mistral, OpenAI-style invoke
    positiveInteger(field(inferenceConfig, "max_new_tokens")) ?? // Amazon Nova invoke
    positiveInteger(field(json, "max_gen_len")) ?? // Meta Llama invoke
    positiveInteger(field(field(json, "textGenerationConfig"), "maxTokenCount")) // Amazon Titan text
  );
}

export function bedrockRequestInfo(path: string, _search: string, json: unknown): RequestInfo {
  const parsed = parseBedrockPath(path);
  const maxOutputTokens = maxOutputTokensOf(json);
  return {
    operation: operationOf(parsed),
    ...(parsed ? { model: parsed.modelId } : {}),
    stream: parsed ? streamingActions.has(parsed.action) : false,
    ...(maxOutputTokens !== undefined ? { maxOutputTokens } : {}),
  };
}
