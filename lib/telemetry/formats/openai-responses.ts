// OpenAI Responses API: `instructions` (kept apart from the history, so they are
// system instructions) and `input` — a string or a list of items (messages,
// function calls and their outputs, reasoning) — in; one `output` list out.
import type { ChatMessage, MessagePart, WireFormat } from "./message-types";
import { definedParameters, isRecord, numberOf, parsedArguments, records, stringOf, textPart, urlPart } from "./json-values";

function contentParts(content: unknown): MessagePart[] {
  if (typeof content === "string") return content === "" ? [] : [textPart(content)];
  return records(content).flatMap((part): MessagePart[] => {
    const text = stringOf(part.text) ?? stringOf(part.refusal);
    if (text !== undefined && ["input_text", "output_text", "text", "refusal"].includes(String(part.type))) return [textPart(text)];
    if (part.type === "input_image") {
      const fileId = stringOf(part.file_id);
      if (fileId) return [{ type: "file", modality: "image", file_id: fileId }];
      const url = stringOf(part.image_url);
      return url ? [urlPart(url, "image")] : [];
    }
    if (part.type === "input_file") {
      const fileId = stringOf(part.file_id);
      if (fileId) return [{ type: "file", modality: "document", file_id: fileId }];
      const url = stringOf(part.file_data) ?? stringOf(part.file_url);
      return url ? [urlPart(url, "document")] : [];
    }
    return typeof part.type === "string" ? [{ type: part.type }] : [];
  });
}

function reasoningParts(item: Record<string, unknown>): MessagePart[] {
  return [...records(item.summary), ...records(item.content)].flatMap((part) => {
    const text = stringOf(part.text);
    return text ? [{ type: "reasoning", content: text }] : [];
  });
}

/** The parts one input or output item contributes (messages are handled by the caller). */
function itemParts(item: Record<string, unknown>): MessagePart[] {
  switch (item.type) {
    case "function_call": {
      const name = stringOf(item.name);
      return name ? [{ type: "tool_call", id: stringOf(item.call_id) ?? null, name, arguments: parsedArguments(item.arguments) }] : [];
    }
    case "function_call_output":
      return [{ type: "tool_call_response", id: stringOf(item.call_id) ?? null, response: item.output }];
    case "reasoning":
      return reasoningParts(item);
    case "message":
      return contentParts(item.content);
    default:
      return typeof item.type === "string" ? [{ type: item.type }] : [];
  }
}

function inputMessage(item: Record<string, unknown>): ChatMessage {
  const role = stringOf(item.role);
  // Items without a type but with a role are messages (the "easy input message" shape).
  if (role && (item.type === undefined || item.type === "message")) {
    return { role: role === "developer" ? "system" : role, parts: contentParts(item.content) };
  }
  if (item.type === "function_call_output") return { role: "tool", parts: itemParts(item) };
  return { role: "assistant", parts: itemParts(item) };
}

function finishReason(providerReason: string | undefined): string {
  switch (providerReason) {
    case undefined:
    case "completed":
      return "stop";
    case "max_output_tokens":
      return "length";
    case "content_filter":
      return "content_filter";
    case "failed":
      return "error";
    default:
      return providerReason;
  }
}

export const openAIResponsesFormat: WireFormat = {
  name: "openai-responses",

  requestParameters(request) {
    if (!isRecord(request)) return {};
    return definedParameters({
      maxTokens: numberOf(request.max_output_tokens),
      temperature: numberOf(request.temperature),
      topP: numberOf(request.top_p),
    });
  },

  inputContent(request) {
    if (!isRecord(request)) return { systemInstructions: [], messages: [] };
    const instructions = stringOf(request.instructions);
    const messages =
      typeof request.input === "string" ? [{ role: "user", parts: [textPart(request.input)] }] : records(request.input).map(inputMessage);
    return { systemInstructions: instructions ? [textPart(instructions)] : [], messages };
  },

  outputMessages(response) {
    if (!isRecord(response) || !Array.isArray(response.output)) return [];
    const items = records(response.output);
    const parts = items.flatMap(itemParts);
    const incomplete = isRecord(response.incomplete_details) ? stringOf(response.incomplete_details.reason) : undefined;
    const calledTool = items.some((item) => item.type === "function_call");
    const reason = incomplete ?? (calledTool && response.status === "completed" ? "tool_call" : stringOf(response.status));
    // A Responses answer is one generation: all of its output items form one message.
    return [{ role: "assistant", parts, finish_reason: finishReason(reason) }];
  },

  finishReason,
};
