// Anthropic Messages: `system` (apart from the history: system instructions) and
// `messages` of content blocks in; one message of content blocks out.
import type { MessagePart, Modality, WireFormat } from "./message-types";
import { definedParameters, isRecord, numberOf, records, stringListOf, stringOf, textPart } from "./json-values";

const FINISH_REASONS: Record<string, string> = {
  end_turn: "stop",
  stop_sequence: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  tool_use: "tool_call",
  refusal: "content_filter",
};

/** An image or document `source`: inline base64, a URL, or an uploaded file. */
function sourcePart(source: unknown, modality: Modality): MessagePart[] {
  if (!isRecord(source)) return [];
  const mimeType = stringOf(source.media_type) ?? null;
  if (source.type === "base64" && typeof source.data === "string") return [{ type: "blob", modality, mime_type: mimeType, content: source.data }];
  if (source.type === "url" && typeof source.url === "string") return [{ type: "uri", modality, mime_type: mimeType, uri: source.url }];
  if (source.type === "file" && typeof source.file_id === "string") return [{ type: "file", modality, file_id: source.file_id }];
  if (source.type === "text" && typeof source.data === "string") return [textPart(source.data)];
  return [];
}

/** A tool result's content: a string, or text blocks joined (other blocks kept as parts would not nest). */
function toolResultResponse(content: unknown): unknown {
  if (typeof content === "string" || !Array.isArray(content)) return content ?? "";
  const texts = records(content).flatMap((block) => (typeof block.text === "string" ? [block.text] : []));
  return texts.length === records(content).length ? texts.join("") : content;
}

function blockParts(content: unknown): MessagePart[] {
  if (typeof content === "string") return content === "" ? [] : [textPart(content)];
  return records(content).flatMap((block): MessagePart[] => {
    switch (block.type) {
      case "text":
        return typeof block.text === "string" ? [textPart(block.text)] : [];
      case "thinking":
        return typeof block.thinking === "string" ? [{ type: "reasoning", content: block.thinking }] : [];
      case "image":
        return sourcePart(block.source, "image");
      case "document":
        return sourcePart(block.source, "document");
      case "tool_use": {
        const name = stringOf(block.name);
        return name ? [{ type: "tool_call", id: stringOf(block.id) ?? null, name, arguments: block.input }] : [];
      }
      case "tool_result":
        return [{ type: "tool_call_response", id: stringOf(block.tool_use_id) ?? null, response: toolResultResponse(block.content) }];
      default:
        return typeof block.type === "string" ? [{ type: block.type }] : [];
    }
  });
}

function finishReason(providerReason: string | undefined): string {
  if (!providerReason) return "stop";
  return FINISH_REASONS[providerReason] ?? providerReason;
}

export const anthropicMessagesFormat: WireFormat = {
  name: "anthropic-messages",

  requestParameters(request) {
    if (!isRecord(request)) return {};
    return definedParameters({
      maxTokens: numberOf(request.max_tokens),
      temperature: numberOf(request.temperature),
      topP: numberOf(request.top_p),
      topK: numberOf(request.top_k),
      stopSequences: stringListOf(request.stop_sequences),
    });
  },

  inputContent(request) {
    if (!isRecord(request)) return { systemInstructions: [], messages: [] };
    const messages = records(request.messages).flatMap((message) => {
      const role = stringOf(message.role);
      return role ? [{ role, parts: blockParts(message.content) }] : [];
    });
    return { systemInstructions: blockParts(request.system), messages };
  },

  outputMessages(response) {
    if (!isRecord(response) || response.type !== "message") return [];
    return [{ role: stringOf(response.role) ?? "assistant", parts: blockParts(response.content), finish_reason: finishReason(stringOf(response.stop_reason)) }];
  },

  finishReason,
};
