// The OpenTelemetry GenAI message format (gen-ai-input-messages.json,
// gen-ai-output-messages.json, gen-ai-system-instructions.json) that every wire
// format is mapped onto before it becomes gen_ai.input.messages,
// gen_ai.output.messages and gen_ai.system_instructions.

export type Modality = "image" | "video" | "audio" | "document";

export type MessagePart =
  | { type: "text"; content: string }
  | { type: "reasoning"; content: string }
  | { type: "tool_call"; id?: string | null; name: string; arguments?: unknown }
  | { type: "tool_call_response"; id?: string | null; name?: string; response: unknown }
  | { type: "blob"; modality: Modality; mime_type?: string | null; content: string }
  | { type: "uri"; modality: Modality; mime_type?: string | null; uri: string }
  | { type: "file"; modality: Modality; mime_type?: string | null; file_id: string }
  // Anything the convention has no part for keeps its own type name (GenericPart).
  | { type: string; [property: string]: unknown };

export interface ChatMessage {
  role: string;
  parts: MessagePart[];
  name?: string;
}

export interface OutputMessage extends ChatMessage {
  /** "stop", "length", "content_filter", "tool_call", "error", or the provider's own word. */
  finish_reason: string;
}

export interface InputContent {
  /** Instructions the API takes apart from the chat history (Anthropic `system`, Gemini `systemInstruction`, …). */
  systemInstructions: MessagePart[];
  messages: ChatMessage[];
}

/** Sampling parameters as gen_ai.request.* attributes want them. */
export interface RequestParameters {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stopSequences?: string[];
  seed?: number;
  frequencyPenalty?: number;
  presencePenalty?: number;
  choiceCount?: number;
}

/** One provider wire format, read into the convention's shapes. Never throws on odd input: unknown shapes yield nothing. */
export interface WireFormat {
  name: string;
  requestParameters(request: unknown): RequestParameters;
  inputContent(request: unknown): InputContent;
  /** One message per choice/candidate of a complete (non-streaming) response body. */
  outputMessages(response: unknown): OutputMessage[];
  /** The provider's finish reason in the convention's vocabulary. */
  finishReason(providerReason: string | undefined): string;
}
