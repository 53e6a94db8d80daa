// AWS event-stream framing (application/vnd.amazon.eventstream), used by Bedrock's
// converse-stream and invoke-with-response-stream. One message is:
//   total length (u32) | headers length (u32) | prelude CRC (u32) | headers | payload | message CRC (u32)
// all big-endian; each CRC-32 covers every byte before it.
import { concatBytes } from "../shared/bytes";
import { crc32 } from "./crc32";

export type EventStreamHeaderValue = string | number | boolean | bigint | Uint8Array;

export interface EventStreamMessage {
  headers: Record<string, EventStreamHeaderValue>;
  payload: Uint8Array;
}

const PRELUDE_LENGTH = 12;
const MINIMUM_MESSAGE_LENGTH = PRELUDE_LENGTH + 4;
/** Bedrock messages are small; anything near this is corruption, not data. */
const MAXIMUM_MESSAGE_LENGTH = 16 * 1024 * 1024;
const STRING_TYPE = 7;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Frames one message; header values are always written as strings (type 7). */
export function encodeEventStreamMessage(headers: Record<string, string>, payload: Uint8Array): Uint8Array {
  const headerParts = Object.entries(headers).map(([name, value]) => {
    const nameBytes = encoder.encode(name);
    const valueBytes = encoder.encode(value);
    const part = new Uint8Array(1 + nameBytes.length + 1 + 2 + valueBytes.length);
    const view = new DataView(part.buffer);
    part[0] = nameBytes.length;
    part.set(nameBytes, 1);
    part[1 + nameBytes.length] = STRING_TYPE;
    view.setUint16(2 + nameBytes.length, valueBytes.length);
    part.set(valueBytes, 4 + nameBytes.length);
    return part;
  });
  const headersLength = headerParts.reduce((sum, part) => sum + part.length, 0);
  const totalLength = PRELUDE_LENGTH + headersLength + payload.length + 4;
  const message = new Uint8Array(totalLength);
  const view = new DataView(message.buffer);
  view.setUint32(0, totalLength);
  view.setUint32(4, headersLength);
  view.setUint32(8, crc32(message, 0, 8));
  let offset = PRELUDE_LENGTH;
  for (const part of headerParts) {
    message.set(part, offset);
    offset += part.length;
  }
  message.set(payload, offset);
  view.setUint32(totalLength - 4, crc32(message, 0, totalLength - 4));
  return message;
}

/** Convenience for JSON events: `:event-type`, `:content-type` and `:message-type` set as Bedrock does. */
export function encodeJsonEvent(eventType: string, payload: unknown): Uint8Array {
  return encodeEventStreamMessage(
    { ":event-type": eventType, ":content-type": "application/json", ":message-type": "event" },
    encoder.encode(JSON.stringify(payload)),
  );
}

function readHeaders(bytes: Uint8Array, view: DataView, start: number, end: number) {
  const headers: Record<string, EventStreamHeaderValue> = {};
  let offset = start;
  while (offset < end) {
    const nameLength = bytes[offset]!;
    const name = decoder.decode(bytes.subarray(offset + 1, offset + 1 + nameLength));
    offset += 1 + nameLength;
    const type = bytes[offset]!;
    offset += 1;
    switch (type) {
      case 0:
      case 1:
        headers[name] = type === 0;
        break;
      case 2:
        headers[name] = view.getInt8(offset);
        offset += 1;
        break;
      case 3:
        headers[name] = view.getInt16(offset);
        offset += 2;
        break;
      case 4:
        headers[name] = view.getInt32(offset);
        offset += 4;
        break;
      case 5:
      case 8: // timestamp: milliseconds since the epoch
        headers[name] = view.getBigInt64(offset);
        offset += 8;
        break;
      case 6:
      case 7: {
        const length = view.getUint16(offset);
        const value = bytes.subarray(offset + 2, offset + 2 + length);
        headers[name] = type === 7 ? decoder.decode(value) : value.slice();
        offset += 2 + length;
        break;
      }
      case 9:
        headers[name] = bytes.slice(offset, offset + 16);
        offset += 16;
        break;
      default:
        return null;
    }
  }
  return offset === end ? headers : null;
}

/** Decodes exactly one whole message; null when the bytes are not a valid one (bad CRC, bad lengths). */
export function decodeEventStreamMessage(bytes: Uint8Array): EventStreamMessage | null {
  if (bytes.length < MINIMUM_MESSAGE_LENGTH) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const totalLength = view.getUint32(0);
  const headersLength = view.getUint32(4);
  if (totalLength !== bytes.length || PRELUDE_LENGTH + headersLength + 4 > totalLength) return null;
  if (view.getUint32(8) !== crc32(bytes, 0, 8)) return null;
  if (view.getUint32(totalLength - 4) !== crc32(bytes, 0, totalLength - 4)) return null;
  const headers = readHeaders(bytes, view, PRELUDE_LENGTH, PRELUDE_LENGTH + headersLength);
  if (!headers) return null;
  return { headers, payload: bytes.slice(PRELUDE_LENGTH + headersLength, totalLength - 4) };
}

/**
 * Reassembles messages from arbitrarily split chunks. After corrupt framing it stops
 * decoding for good (there is no way to find the next message boundary) — the bytes
 * are still forwarded by the caller, only usage is lost.
 */
export class EventStreamDecoder {
  private buffer: Uint8Array = new Uint8Array(0);
  private broken = false;

  push(chunk: Uint8Array): EventStreamMessage[] {
    if (this.broken) return [];
    this.buffer = this.buffer.length === 0 ? chunk.slice() : concatBytes([this.buffer, chunk]);
    const messages: EventStreamMessage[] = [];
    while (this.buffer.length >= 4) {
      const totalLength = new DataView(this.buffer.buffer, this.buffer.byteOffset).getUint32(0);
      if (totalLength < MINIMUM_MESSAGE_LENGTH || totalLength > MAXIMUM_MESSAGE_LENGTH) {
        this.fail();
        break;
      }
      if (this.buffer.length < totalLength) break;
      const message = decodeEventStreamMessage(this.buffer.subarray(0, totalLength));
      if (!message) {
        this.fail();
        break;
      }
      messages.push(message);
      this.buffer = this.buffer.subarray(totalLength);
    }
    return messages;
  }

  /** True when bytes of an unfinished message are still waiting. */
  hasPartialMessage(): boolean {
    return this.buffer.length > 0;
  }

  private fail(): void {
    this.broken = true;
    this.buffer = new Uint8Array(0);
  }
}

