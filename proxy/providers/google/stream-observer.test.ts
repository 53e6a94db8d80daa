import { describe, expect, it } from "vitest";
import { namedSplits, replay, text } from "../test-support/feed-chunks";
import { readFixtureBytes } from "../test-support/fixtures";
import { createGeminiStreamObserver } from "./stream-observer";

const sseBytes = readFixtureBytes(import.meta.dirname, "stream-generate-content.chunks.txt");
const arrayBytes = readFixtureBytes(import.meta.dirname, "stream-generate-content-array.chunks.txt");
const expectedText =
  'Once upon a time, a tiny robot named Bolt {id: "B-1", tags: ["}"]} found a flower growing through the cracked pavement — “héllo”, it beeped.';
const expectedUsage = {
  inputTokens: 11,
  outputTokens: 27 + 263,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 263,
  model: "gemini-2.5-flash",
  responseId: "3SlnaJ6RGfOm7dcPlZ-32Ak",
  finishReasons: ["STOP"],
};

/** The same bytes cut whole, byte by byte, and at twenty random places. */
const splits = (bytes: Uint8Array) => namedSplits(bytes, 64);

function run(chunks: Uint8Array[], contentType: string) {
  const observer = createGeminiStreamObserver({ contentType });
  return { observer, forwarded: replay(observer, chunks).forwarded };
}

describe("Gemini stream observer", () => {
  for (const { name, chunks } of splits(sseBytes)) {
    it(`reads usage and text from SSE (alt=sse) fed ${name}, forwarding bytes untouched`, () => {
      const { observer, forwarded } = run(chunks, "text/event-stream");
      expect(observer.usage()).toEqual(expectedUsage);
      expect(observer.outputText()).toBe(expectedText);
      expect(Buffer.from(forwarded).equals(sseBytes)).toBe(true);
    });
  }

  for (const { name, chunks } of splits(arrayBytes)) {
    it(`reads usage and text from the JSON-array stream fed ${name}`, () => {
      const { observer, forwarded } = run(chunks, "application/json; charset=UTF-8");
      expect(observer.usage()).toEqual(expectedUsage);
      expect(observer.outputText()).toBe(expectedText);
      expect(Buffer.from(forwarded).equals(arrayBytes)).toBe(true);
    });
  }

  it("reads LF-only SSE and SSE sent with a JSON content type", () => {
    const lfOnly = Buffer.from(text(sseBytes).replaceAll("\r\n", "\n"));
    expect(run([lfOnly], "text/event-stream").observer.usage()).toEqual(expectedUsage);
    expect(run([lfOnly], "application/json").observer.usage()).toEqual(expectedUsage);
  });

  it("reports the running usage and partial text of a stream cut short", () => {
    const full = text(sseBytes);
    const cut = Buffer.from(full.slice(0, full.lastIndexOf("data:") + 40));
    const { observer } = run([cut], "text/event-stream");
    expect(observer.usage()).toMatchObject({ inputTokens: 11, outputTokens: 0 });
    expect(observer.outputText()).toBe('Once upon a time, a tiny robot named Bolt {id: "B-1", tags: ["}"]} found a flower growing');
  });

  it("forwards garbage untouched and reports no usage", () => {
    const garbage = Buffer.from("data: {not json\n\n\u0000\u0001 ] } [ {\"x\":");
    for (const contentType of ["text/event-stream", "application/json"]) {
      const { observer, forwarded } = run([garbage], contentType);
      expect(observer.usage()).toBeNull();
      expect(Buffer.from(forwarded).equals(garbage)).toBe(true);
    }
  });

  it("ignores an in-stream error event", () => {
    const bytes = Buffer.from('data: {"error":{"code":500,"message":"boom","status":"INTERNAL"}}\n\n');
    expect(run([bytes], "text/event-stream").observer.usage()).toBeNull();
  });
});
