// Amazon Bedrock Converse / ConverseStream: `system` blocks (system
// instructions) and `messages` of content blocks in, `output.message` out.
import type { MessagePart, Modality, WireFormat } from "./message-types";
import { definedParameters, isRecord, numberOf, records, stringListOf, stringOf, textPart } from "./json-values";

const FINISH_REASONS: Record<string, string> = {
  end_turn: "stop",
  stop_sequence: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  tool_use: "tool_call",
  guardrail_intervened: "content_filter",
  content_filtered: "content_filter",
};

const DOCUMENT_MIME_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  csv: "text/csv",
  html: "text/html",
  txt: "text/plain",
  md: "text/markdown",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** An image, document or video block: inline bytes (base64 in JSON) or an S3 location. */
function mediaPart(block: unknown, modality: Modality): MessagePart[] {
  if (!isRecord(block) || !isRecord(block.source)) return [];
  const format = stringOf(block.format);
  const mimeType = format ? (modality === "document" ? DOCUMENT_MIME_TYPES[format] : `${modality}/${format}`) ?? null : null;
  if (typeof block.source.bytes === "string") return [{ type: "blob", modality, mime_type: mimeType, content: block.source.bytes }];
  const uri = isRecord(block.source.s3Location) ? stringOf(block.source.s3Location.uri) : undefined;
  return uri ? [{ type: "uri", modality, mime_type: mimeType, uri }] : [];
}

/** A tool result's content blocks: text joined when they are all text, else kept as given. */
function toolResultResponse(content: unknown): unknown {
  const blocks = records(content);
  if (blocks.length === 1 && blocks[0].json !== undefined) return blocks[0].json;
  const texts = blocks.flatMap((block) => (typeof block.text === "string" ? [block.text] : []));
  return texts.length === blocks.length ? texts.join("") : content;
}

function blockParts(content: unknown): MessagePart[] {
  return records(content).flatMap((block): MessagePart[] => {
    if (typeof block.text === "string") return [textPart(block.text)];
    if (block.image) return mediaPart(block.image, "image");
    if (block.document) return mediaPart(block.document, "document");
    if (block.video) return mediaPart(block.video, "video");
    if (isRecord(block.toolUse)) {
      const name = stringOf(block.toolUse.name);
      return name ? [{ type: "tool_call", id: stringOf(block.toolUse.toolUseId) ?? null, name, arguments: block.toolUse.input }] : [];
    }
    if (isRecord(block.toolResult)) {
      return [{ type: "tool_call_response", id: stringOf(block.toolResult.toolUseId) ?? null, response: toolResultResponse(block.toolResult.content) }];
    }
    if (isRecord(block.reasoningContent) && isRecord(block.reasoningContent.reasoningText)) {
      const text = stringOf(block.reasoningContent.reasoningText.text);
      return text ? [{ type: "reasoning", content: text }] : [];
    }
    if (isRecord(block.guardContent) && isRecord(block.guardContent.text)) {
      const text = stringOf(block.guardContent.text.text);
      return text ? [textPart(text)] : [];
    }
    // cachePoint markers carry no content; other blocks keep their name.
    const kind = Object.keys(block)[0];
    return kind && kind !== "cachePoint" ? [{ type: kind }] : [];
  });
}

function finishReason(providerReason: string | undefined): string {
  if (!providerReason) return "stop";
  return FINISH_REASONS[providerReason] ?? providerReason;
}

export const bedrockConverseFormat: WireFormat = {
  name: "bedrock-converse",

  requestParameters(request) {
    const config = isRecord(request) && isRecord(request.inferenceConfig) ? request.inferenceConfig : {};
    const extra = isRecord(request) && isRecord(request.additionalModelRequestFields) ? request.additionalModelRequestFields : {};
    return definedParameters({
      maxTokens: numberOf(config.maxTokens),
      temperature: numberOf(config.temperature),
      topP: numberOf(config.topP),
      topK: numberOf(extra.top_k),
      stopSequences: stringListOf(config.stopSequences),
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
    const output = isRecord(response) && isRecord(response.output) ? response.output : null;
    if (!output || !isRecord(output.message)) return [];
    const reason = isRecord(response) ? stringOf(response.stopReason) : undefined;
    return [{ role: stringOf(output.message.role) ?? "assistant", parts: blockParts(output.message.content), finish_reason: finishReason(reason) }];
  },

  finishReason,
};
