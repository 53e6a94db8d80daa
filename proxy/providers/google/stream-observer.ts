// Watches a streamed Gemini answer on its way to the client: SSE (alt=sse) or the
// incrementally streamed JSON array (no alt). Bytes are forwarded untouched.
import { parseEventJson, SseParser } from "../sse";
import { concatBytes } from "../shared/bytes";
import type { StreamObserver } from "../types";
import { JsonArraySplitter } from "./json-array-splitter";
import { GeminiResponseAccumulator } from "./usage";

type Framing = "sse" | "json-array";

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;

export function createGeminiStreamObserver(options: { contentType: string }): StreamObserver {
  const accumulator = new GeminiResponseAccumulator();
  const sse = new SseParser();
  const splitter = new JsonArraySplitter();
  const textDecoder = new TextDecoder();
  let framing: Framing | null = options.contentType.includes("text/event-stream") ? "sse" : null;
  let undecided: Uint8Array[] = [];

  function addJsonText(text: string): void {
    try {
      accumulator.add(JSON.parse(text));
    } catch {
      // A cut-off element: forwarded anyway, no usage from it.
    }
  }

  function read(bytes: Uint8Array): void {
    if (framing === null) {
      // application/json is sent both for the JSON-array stream and for SSE proxied
      // with a wrong header, so decide by the first non-blank byte.
      undecided.push(bytes.slice());
      const first = bytes.find((byte) => !WHITESPACE.has(byte));
      if (first === undefined) return;
      framing = first === OPEN_BRACKET || first === OPEN_BRACE ? "json-array" : "sse";
      bytes = concatBytes(undecided);
      undecided = [];
    }
    if (framing === "sse") {
      for (const event of sse.push(bytes)) accumulator.add(parseEventJson(event));
    } else {
      for (const element of splitter.push(textDecoder.decode(bytes, { stream: true }))) addJsonText(element);
    }
  }

  return {
    transform(chunk) {
      try {
        read(chunk);
      } catch {
        // Observing must never break the stream.
      }
      return chunk;
    },
    flush() {
      try {
        if (framing === "sse") for (const event of sse.end()) accumulator.add(parseEventJson(event));
      } catch {
        // Usage stays whatever was seen.
      }
      return new Uint8Array(0);
    },
    usage: () => accumulator.usage(),
    outputText: () => accumulator.outputText(),
    completed: () => accumulator.completed(),
  };
}
