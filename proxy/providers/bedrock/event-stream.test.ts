import { describe, expect, it } from "vitest";
import { concatBytes } from "../shared/bytes";
import { crc32 } from "./crc32";
import { decodeEventStreamMessage, encodeEventStreamMessage, encodeJsonEvent, EventStreamDecoder } from "./event-stream";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("crc32", () => {
  it("matches the standard check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});

describe("event-stream framing", () => {
  it("round-trips headers and payload, with lengths and CRCs where AWS puts them", () => {
    const payload = new TextEncoder().encode('{"delta":{"text":"héllo"}}');
    const message = encodeEventStreamMessage({ ":event-type": "contentBlockDelta", ":message-type": "event" }, payload);
    const view = new DataView(message.buffer);
    expect(view.getUint32(0)).toBe(message.length);
    expect(view.getUint32(8)).toBe(crc32(message, 0, 8));
    expect(view.getUint32(message.length - 4)).toBe(crc32(message, 0, message.length - 4));
    const decoded = decodeEventStreamMessage(message)!;
    expect(decoded.headers).toEqual({ ":event-type": "contentBlockDelta", ":message-type": "event" });
    expect(text(decoded.payload)).toBe('{"delta":{"text":"héllo"}}');
  });

  it("rejects a message with a damaged byte", () => {
    const message = encodeJsonEvent("metadata", { usage: { inputTokens: 1 } });
    for (const position of [2, 9, 20, message.length - 10, message.length - 1]) {
      const damaged = message.slice();
      damaged[position]! ^= 0xff;
      expect(decodeEventStreamMessage(damaged)).toBeNull();
    }
  });

  it("decodes non-string header types", () => {
    // Hand-built headers: bool true, byte, int32, bytes, then the framing around them.
    const headers = Uint8Array.from([
      1, 0x61, 0, // "a": true
      1, 0x62, 2, 0xfe, // "b": byte -2
      1, 0x63, 4, 0, 0, 1, 0, // "c": int32 256
      1, 0x64, 6, 0, 2, 9, 8, // "d": bytes [9, 8]
    ]);
    const total = 12 + headers.length + 4;
    const message = new Uint8Array(total);
    const view = new DataView(message.buffer);
    view.setUint32(0, total);
    view.setUint32(4, headers.length);
    view.setUint32(8, crc32(message, 0, 8));
    message.set(headers, 12);
    view.setUint32(total - 4, crc32(message, 0, total - 4));
    expect(decodeEventStreamMessage(message)?.headers).toEqual({ a: true, b: -2, c: 256, d: Uint8Array.of(9, 8) });
  });

  it("reassembles messages split anywhere, and several in one chunk", () => {
    const messages = [1, 2, 3].map((index) => encodeJsonEvent("chunk", { index }));
    const all = concatBytes(messages);
    for (let cut = 1; cut < all.length; cut++) {
      const decoder = new EventStreamDecoder();
      const decoded = [...decoder.push(all.subarray(0, cut)), ...decoder.push(all.subarray(cut))];
      expect(decoded.map((message) => JSON.parse(text(message.payload)))).toEqual([{ index: 1 }, { index: 2 }, { index: 3 }]);
      expect(decoder.hasPartialMessage()).toBe(false);
    }
  });

  it("stops decoding after corrupt framing instead of throwing", () => {
    const decoder = new EventStreamDecoder();
    expect(decoder.push(new TextEncoder().encode("this is not an event stream at all"))).toEqual([]);
    expect(decoder.push(encodeJsonEvent("metadata", {}))).toEqual([]);
  });
});
