// Gemini generateContent / streamGenerateContent (Gemini API and Vertex AI):
// `systemInstruction` (system instructions) and `contents` in, `candidates` out.
// The REST API accepts camelCase and snake_case field names; both are read.
import type { ChatMessage, MessagePart, OutputMessage, WireFormat } from "./message-types";
import {
  definedParameters,
  fieldOf,
  isRecord,
  modalityOf,
  numberOf,
  records,
  stringListOf,
  stringOf,
  textPart,
} from "./json-values";

const FINISH_REASONS: Record<string, string> = {
  STOP: "stop",
  MAX_TOKENS: "length",
  SAFETY: "content_filter",
  RECITATION: "content_filter",
  BLOCKLIST: "content_filter",
  PROHIBITED_CONTENT: "content_filter",
  SPII: "content_filter",
  IMAGE_SAFETY: "content_filter",
  MALFORMED_FUNCTION_CALL: "error",
};

function geminiParts(parts: unknown): MessagePart[] {
  return records(parts).flatMap((part): MessagePart[] => {
    if (typeof part.text === "string") return [part.thought === true ? { type: "reasoning", content: part.text } : textPart(part.text)];
    const inlineData = fieldOf(part, "inlineData", "inline_data");
    if (isRecord(inlineData) && typeof inlineData.data === "string") {
      const mimeType = stringOf(fieldOf(inlineData, "mimeType", "mime_type"));
      return [{ type: "blob", modality: modalityOf(mimeType, "document"), mime_type: mimeType ?? null, content: inlineData.data }];
    }
    const fileData = fieldOf(part, "fileData", "file_data");
    const fileUri = stringOf(fieldOf(fileData, "fileUri", "file_uri"));
    if (fileUri) {
      const mimeType = stringOf(fieldOf(fileData, "mimeType", "mime_type"));
      return [{ type: "uri", modality: modalityOf(mimeType, "document"), mime_type: mimeType ?? null, uri: fileUri }];
    }
    const functionCall = fieldOf(part, "functionCall", "function_call");
    const callName = stringOf(fieldOf(functionCall, "name"));
    if (callName) return [{ type: "tool_call", id: stringOf(fieldOf(functionCall, "id")) ?? null, name: callName, arguments: fieldOf(functionCall, "args") }];
    const functionResponse = fieldOf(part, "functionResponse", "function_response");
    if (isRecord(functionResponse)) {
      // Gemini pairs a response with its call by name when the call had no id.
      const name = stringOf(functionResponse.name);
      return [{ type: "tool_call_response", id: stringOf(functionResponse.id) ?? null, ...(name ? { name } : {}), response: functionResponse.response }];
    }
    const known = Object.keys(part).find((key) => key !== "thought" && key !== "thoughtSignature" && key !== "thought_signature");
    return known ? [{ type: known }] : [];
  });
}

/** A Content: {role, parts}. Gemini's "model" is the convention's "assistant". */
function geminiMessage(content: Record<string, unknown>): ChatMessage {
  const role = stringOf(content.role) ?? "user";
  return { role: role === "model" ? "assistant" : role, parts: geminiParts(content.parts) };
}

/** `contents` may be a list of Content, one Content, or (leniently) a bare string. */
function contentsOf(value: unknown): Record<string, unknown>[] {
  if (typeof value === "string") return [{ role: "user", parts: [{ text: value }] }];
  if (isRecord(value)) return [value];
  return records(value);
}

function finishReason(providerReason: string | undefined): string {
  if (!providerReason) return "stop";
  return FINISH_REASONS[providerReason] ?? providerReason.toLowerCase();
}

export const geminiGenerateContentFormat: WireFormat = {
  name: "gemini-generate-content",

  requestParameters(request) {
    const config = fieldOf(request, "generationConfig", "generation_config");
    if (!isRecord(config)) return {};
    const choiceCount = numberOf(fieldOf(config, "candidateCount", "candidate_count"));
    return definedParameters({
      maxTokens: numberOf(fieldOf(config, "maxOutputTokens", "max_output_tokens")),
      temperature: numberOf(config.temperature),
      topP: numberOf(fieldOf(config, "topP", "top_p")),
      topK: numberOf(fieldOf(config, "topK", "top_k")),
      stopSequences: stringListOf(fieldOf(config, "stopSequences", "stop_sequences")),
      seed: numberOf(config.seed),
      frequencyPenalty: numberOf(fieldOf(config, "frequencyPenalty", "frequency_penalty")),
      presencePenalty: numberOf(fieldOf(config, "presencePenalty", "presence_penalty")),
      choiceCount: choiceCount !== undefined && choiceCount !== 1 ? choiceCount : undefined,
    });
  },

  inputContent(request) {
    const system = fieldOf(request, "systemInstruction", "system_instruction");
    const systemInstructions = typeof system === "string" ? [textPart(system)] : isRecord(system) ? geminiParts(system.parts) : [];
    return { systemInstructions, messages: contentsOf(fieldOf(request, "contents")).map(geminiMessage) };
  },

  outputMessages(response) {
    return records(fieldOf(response, "candidates")).map((candidate): OutputMessage => {
      const content = isRecord(candidate.content) ? candidate.content : {};
      const parts = geminiParts(content.parts);
      const reason = stringOf(fieldOf(candidate, "finishReason", "finish_reason"));
      const calledTool = parts.some((part) => part.type === "tool_call");
      return { role: "assistant", parts, finish_reason: calledTool && reason === "STOP" ? "tool_call" : finishReason(reason) };
    });
  },

  finishReason,
};
