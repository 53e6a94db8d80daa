// OpenAI Chat Completions (and every OpenAI-compatible provider): `messages` in,
// `choices` out. System and developer messages are part of the chat history
// here, so they stay in gen_ai.input.messages with role "system" — the
// convention keeps gen_ai.system_instructions for APIs that take them apart.
import type { ChatMessage, MessagePart, OutputMessage, WireFormat } from "./message-types";
import {
  definedParameters,
  isRecord,
  numberOf,
  parsedArguments,
  records,
  stringListOf,
  stringOf,
  textPart,
  urlPart,
} from "./json-values";

const FINISH_REASONS: Record<string, string> = {
  stop: "stop",
  length: "length",
  content_filter: "content_filter",
  tool_calls: "tool_call",
  function_call: "tool_call",
};

/** Content given as a string or as a list of typed parts. */
function contentParts(content: unknown): MessagePart[] {
  if (typeof content === "string") return content === "" ? [] : [textPart(content)];
  return records(content).flatMap((part): MessagePart[] => {
    const text = stringOf(part.text) ?? stringOf(part.refusal);
    if ((part.type === "text" || part.type === "refusal") && text !== undefined) return [textPart(text)];
    if (part.type === "image_url") {
      const url = stringOf(isRecord(part.image_url) ? part.image_url.url : part.image_url);
      return url ? [urlPart(url, "image")] : [];
    }
    if (part.type === "input_audio" && isRecord(part.input_audio)) {
      const data = stringOf(part.input_audio.data);
      const format = stringOf(part.input_audio.format);
      return data ? [{ type: "blob", modality: "audio", mime_type: format ? `audio/${format}` : null, content: data }] : [];
    }
    if (part.type === "file" && isRecord(part.file)) {
      const fileId = stringOf(part.file.file_id);
      if (fileId) return [{ type: "file", modality: "document", file_id: fileId }];
      const fileData = stringOf(part.file.file_data);
      return fileData ? [urlPart(fileData, "document")] : [];
    }
    return typeof part.type === "string" ? [{ type: part.type }] : [];
  });
}

function toolCallParts(message: Record<string, unknown>): MessagePart[] {
  const calls = records(message.tool_calls).flatMap((call): MessagePart[] => {
    const fn = isRecord(call.function) ? call.function : {};
    const name = stringOf(fn.name);
    return name ? [{ type: "tool_call", id: stringOf(call.id) ?? null, name, arguments: parsedArguments(fn.arguments) }] : [];
  });
  // The deprecated single function_call of older clients.
  const legacy = isRecord(message.function_call) ? message.function_call : null;
  const legacyName = legacy ? stringOf(legacy.name) : undefined;
  if (legacy && legacyName) calls.push({ type: "tool_call", name: legacyName, arguments: parsedArguments(legacy.arguments) });
  return calls;
}

function inputMessage(message: Record<string, unknown>): ChatMessage | null {
  const role = stringOf(message.role);
  if (!role) return null;
  const name = stringOf(message.name);
  if (role === "tool" || role === "function") {
    const response = typeof message.content === "string" ? message.content : contentParts(message.content);
    const id = stringOf(message.tool_call_id) ?? null;
    return { role: "tool", parts: [{ type: "tool_call_response", id, response }], ...(name ? { name } : {}) };
  }
  const parts = [...contentParts(message.content), ...toolCallParts(message)];
  return { role: role === "developer" ? "system" : role, parts, ...(name ? { name } : {}) };
}

function finishReason(providerReason: string | undefined): string {
  if (!providerReason) return "stop";
  return FINISH_REASONS[providerReason] ?? providerReason;
}

export const openAIChatFormat: WireFormat = {
  name: "openai-chat",

  requestParameters(request) {
    if (!isRecord(request)) return {};
    const choiceCount = numberOf(request.n);
    return definedParameters({
      maxTokens: numberOf(request.max_completion_tokens) ?? numberOf(request.max_tokens),
      temperature: numberOf(request.temperature),
      topP: numberOf(request.top_p),
      stopSequences: stringListOf(request.stop),
      seed: numberOf(request.seed),
      frequencyPenalty: numberOf(request.frequency_penalty),
      presencePenalty: numberOf(request.presence_penalty),
      choiceCount: choiceCount !== undefined && choiceCount !== 1 ? choiceCount : undefined,
    });
  },

  inputContent(request) {
    const source = isRecord(request) ? request : {};
    // Legacy text completions send a `prompt` instead of messages.
    const prompt = stringListOf(source.prompt);
    if (prompt && !Array.isArray(source.messages)) {
      return { systemInstructions: [], messages: [{ role: "user", parts: prompt.map(textPart) }] };
    }
    const messages = records(source.messages).flatMap((message) => inputMessage(message) ?? []);
    return { systemInstructions: [], messages };
  },

  outputMessages(response) {
    if (!isRecord(response)) return [];
    return records(response.choices).map((choice): OutputMessage => {
      const message = isRecord(choice.message) ? choice.message : {};
      const reasoning = stringOf(message.reasoning_content) ?? stringOf(message.reasoning);
      const parts: MessagePart[] = [
        ...(reasoning ? [{ type: "reasoning", content: reasoning }] : []),
        ...contentParts(message.content),
        ...(typeof message.refusal === "string" ? [textPart(message.refusal)] : []),
        ...(typeof choice.text === "string" ? [textPart(choice.text)] : []),
        ...toolCallParts(message),
      ];
      return { role: stringOf(message.role) ?? "assistant", parts, finish_reason: finishReason(stringOf(choice.finish_reason)) };
    });
  },

  finishReason,
};
