import { describe, expect, it } from "vitest";
import { SseParser, parseEventJson, type SseEvent } from "./sse";
import { concatBytes } from "./shared/bytes";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Feeds `text` split at every given position, then ends the stream. */
function parse(text: string, splitEvery = 0): SseEvent[] {
  const bytes = encoder.encode(text);
  const parser = new SseParser();
  const events: SseEvent[] = [];
  if (splitEvery === 0) events.push(...parser.push(bytes));
  else for (let offset = 0; offset < bytes.length; offset += splitEvery) {
    events.push(...parser.push(bytes.slice(offset, offset + splitEvery)));
  }
  events.push(...parser.end());
  return events;
}

const summary = (events: SseEvent[]) => events.map(({ event, data, id }) => ({ event, data, id }));

describe("SseParser", () => {
  const stream =
    "event: message_start\ndata: {\"a\":1}\n\n" +
    ": a comment\n\n" +
    "id: 7\ndata: first line\ndata:second line\n\n" +
    "data: [DONE]\n\n";

  for (const lineEnding of ["\n", "\r\n", "\r"]) {
    for (const splitEvery of [0, 1, 2, 3, 5]) {
      it(`parses events with ${JSON.stringify(lineEnding)} line endings, split every ${splitEvery || "∞"} bytes`, () => {
        const source = stream.replaceAll("\n", lineEnding);
        const events = parse(source, splitEvery);
        expect(summary(events)).toEqual([
          { event: "message_start", data: '{"a":1}', id: undefined },
          { event: undefined, data: "", id: undefined },
          { event: undefined, data: "first line\nsecond line", id: "7" },
          { event: undefined, data: "[DONE]", id: undefined },
        ]);
        // Every byte belongs to exactly one event, so raw bytes rebuild the stream.
        expect(decoder.decode(concatBytes(events.map((event) => event.raw.slice())))).toBe(source);
      });
    }
  }

  it("gives each event's exact bytes, including its terminating blank line", () => {
    const events = parse("data: one\r\n\r\ndata: two\n\n");
    expect(events.map((event) => decoder.decode(event.raw))).toEqual(["data: one\r\n\r\n", "data: two\n\n"]);
  });

  it("holds an incomplete event until its blank line arrives", () => {
    const parser = new SseParser();
    expect(parser.push(encoder.encode("data: hel"))).toEqual([]);
    expect(decoder.decode(parser.pendingBytes())).toBe("data: hel");
    expect(parser.push(encoder.encode("lo\n"))).toEqual([]);
    const events = parser.push(encoder.encode("\ndata: next"));
    expect(summary(events)).toEqual([{ event: undefined, data: "hello", id: undefined }]);
    expect(decoder.decode(parser.pendingBytes())).toBe("data: next");
  });

  it("does not mistake a CRLF split across chunks for an empty line", () => {
    const parser = new SseParser();
    expect(parser.push(encoder.encode("data: a\r"))).toEqual([]);
    expect(parser.push(encoder.encode("\ndata: b\r"))).toEqual([]);
    const events = parser.push(encoder.encode("\n\r\n"));
    expect(summary(events)).toEqual([{ event: undefined, data: "a\nb", id: undefined }]);
  });

  it("returns the unterminated trailing event at the end of the stream", () => {
    const parser = new SseParser();
    parser.push(encoder.encode('data: {"done":true}\n\nevent: tail\ndata: {"x":2}'));
    const [tail] = parser.end();
    expect(tail.event).toBe("tail");
    expect(parseEventJson(tail)).toEqual({ x: 2 });
    expect(decoder.decode(tail.raw)).toBe('event: tail\ndata: {"x":2}');
    expect(parser.end()).toEqual([]);
  });

  it("keeps multi-byte characters split across chunks intact", () => {
    const bytes = encoder.encode('data: {"text":"héllo 👋"}\n\n');
    const parser = new SseParser();
    const events = Array.from(bytes).flatMap((byte) => parser.push(new Uint8Array([byte])));
    expect(parseEventJson(events[0])).toEqual({ text: "héllo 👋" });
  });

  it("does not keep a reference to the caller's chunk for pending bytes", () => {
    const parser = new SseParser();
    const chunk = encoder.encode("data: abc");
    parser.push(chunk);
    chunk.fill(0x78);
    expect(summary(parser.push(encoder.encode("\n\n")))).toEqual([{ event: undefined, data: "abc", id: undefined }]);
  });

  it("parseEventJson ignores [DONE], empty data and invalid JSON", () => {
    const [done, empty, invalid] = parse("data: [DONE]\n\n: ping\n\ndata: {oops\n\n");
    expect(parseEventJson(done)).toBeUndefined();
    expect(parseEventJson(empty)).toBeUndefined();
    expect(parseEventJson(invalid)).toBeUndefined();
  });
});
