// Watches a Bedrock event stream on its way to the client. Messages are reassembled
// across chunk boundaries; the bytes themselves are forwarded untouched.
import type { StreamObserver } from "../types";
import { responseStreamChunkSchema } from "./bedrock-api";
import { EventStreamDecoder, type EventStreamMessage } from "./event-stream";
import { BedrockStreamAccumulator } from "./stream-accumulator";

const textDecoder = new TextDecoder();

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(textDecoder.decode(bytes));
  } catch {
    return null;
  }
}

function readMessage(message: EventStreamMessage, accumulator: BedrockStreamAccumulator): void {
  if (message.headers[":message-type"] !== "event") {
    accumulator.endedWithException(); // exceptions carry no usage, but they are the stream's own ending
    return;
  }
  const eventType = message.headers[":event-type"];
  if (typeof eventType !== "string") return;
  const payload = parseJson(message.payload);
  if (eventType === "chunk") {
    // invoke-with-response-stream: {"bytes": "<base64 of the model's own JSON event>"}
    const chunk = responseStreamChunkSchema.safeParse(payload);
    if (chunk.success) accumulator.addModelEvent(parseJson(Buffer.from(chunk.data.bytes, "base64")));
  } else {
    accumulator.addConverseEvent(eventType, payload);
  }
}

export function createBedrockStreamObserver(): StreamObserver {
  const decoder = new EventStreamDecoder();
  const accumulator = new BedrockStreamAccumulator();
  return {
    transform(chunk) {
      try {
        for (const message of decoder.push(chunk)) readMessage(message, accumulator);
      } catch {
        // Observing must never break the stream.
      }
      return chunk;
    },
    flush: () => new Uint8Array(0),
    usage: () => accumulator.usage(),
    outputText: () => accumulator.outputText(),
    completed: () => accumulator.completed(),
  };
}
