import { describe, expect, it } from "vitest";
import { SseParser } from "./sse";

function parseInPieces(text: string, pieceSize: number) {
  const parser = new SseParser();
  const events = [];
  for (let index = 0; index < text.length; index += pieceSize) events.push(...parser.push(text.slice(index, index + pieceSize)));
  return [...events, ...parser.flush()];
}

describe("SseParser", () => {
  it("parses events with names, multi-line data and comments", () => {
    const text = ": keep-alive\n\nevent: message_start\ndata: {\"a\":1}\n\ndata: line one\ndata: line two\n\ndata:no-space\n\n";
    expect(parseInPieces(text, 1000)).toEqual([
      { event: "message_start", data: '{"a":1}' },
      { event: "message", data: "line one\nline two" },
      { event: "message", data: "no-space" },
    ]);
  });

  it("gives the same events however the stream is split, for every line ending", () => {
    for (const newline of ["\n", "\r\n", "\r"]) {
      const text = ["event: delta", 'data: {"text":"héllo ☃"}', "", "data: [DONE]", "", ""].join(newline);
      const expected = [
        { event: "delta", data: '{"text":"héllo ☃"}' },
        { event: "message", data: "[DONE]" },
      ];
      for (const size of [1, 2, 3, 7, 1000]) expect(parseInPieces(text, size), `${JSON.stringify(newline)} / ${size}`).toEqual(expected);
    }
  });

  it("keeps the id and ignores events without data", () => {
    expect(parseInPieces("id: 7\nevent: ping\n\ndata: x\n\n", 4)).toEqual([{ event: "message", data: "x", id: "7" }]);
  });

  it("flushes a final event that lacks its blank line", () => {
    expect(parseInPieces('data: {"done":true}', 5)).toEqual([{ event: "message", data: '{"done":true}' }]);
  });
});
