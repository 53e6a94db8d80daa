// gen_ai.input.messages, gen_ai.system_instructions and gen_ai.output.messages
// for a request whose organization captures content. Values are JSON strings
// (OTLP attributes cannot hold nested structures). A huge request — inline
// images, long documents — must not produce a span collectors reject, so each
// value is bounded: inline blob data goes first, then the attribute itself.
import type { Attributes } from "@opentelemetry/api";
import { ATTR } from "./attribute-names";
import type { OutputMessage, WireFormat } from "./formats/message-types";

export const MAX_CONTENT_ATTRIBUTE_CHARS = 256 * 1024;

export interface ContentSource {
  format: WireFormat;
  /** The parsed request body. */
  request: unknown;
  /** The parsed response body of a non-streaming answer, else null. */
  response: unknown;
  /** For streams: the text assembled from the chunks; null when the answer was not streamed. */
  streamedText: string | null;
  /** The provider's finish reasons (streams report them in their last events). */
  finishReasons?: string[];
}

export function contentAttributes(source: ContentSource): Attributes {
  const attributes: Attributes = {};
  const input = source.format.inputContent(source.request);
  setBounded(attributes, ATTR.GEN_AI_INPUT_MESSAGES, input.messages);
  setBounded(attributes, ATTR.GEN_AI_SYSTEM_INSTRUCTIONS, input.systemInstructions);
  setBounded(attributes, ATTR.GEN_AI_OUTPUT_MESSAGES, outputMessages(source));
  return attributes;
}

function outputMessages(source: ContentSource): OutputMessage[] {
  if (source.streamedText !== null) {
    const finishReason = source.format.finishReason(source.finishReasons?.[0]);
    const parts = source.streamedText === "" ? [] : [{ type: "text", content: source.streamedText }];
    return parts.length > 0 || source.finishReasons?.length ? [{ role: "assistant", parts, finish_reason: finishReason }] : [];
  }
  return source.response === null || source.response === undefined ? [] : source.format.outputMessages(source.response);
}

function setBounded(attributes: Attributes, name: string, value: unknown[]): void {
  if (value.length === 0) return;
  const json = JSON.stringify(value);
  if (json.length <= MAX_CONTENT_ATTRIBUTE_CHARS) {
    attributes[name] = json;
    return;
  }
  attributes[ATTR.GATEWAY_CONTENT_TRUNCATED] = true;
  const withoutBlobs = JSON.stringify(value, withoutBlobData);
  if (withoutBlobs.length <= MAX_CONTENT_ATTRIBUTE_CHARS) attributes[name] = withoutBlobs;
}

/** JSON.stringify replacer that empties the base64 data of blob parts. */
function withoutBlobData(this: unknown, key: string, value: unknown): unknown {
  if (key === "content" && typeof value === "string" && (this as { type?: unknown }).type === "blob") return "";
  return value;
}
