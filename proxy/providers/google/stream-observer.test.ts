import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createGeminiStreamObserver } from "./stream-observer";

const sseBytes = readFileSync(new URL("./fixtures/stream-generate-content.chunks.txt", import.meta.url));
const arrayBytes = readFileSync(new URL("./fixtures/stream-generate-content-array.chunks.txt", import.meta.url));
const expectedText =
  'Once upon a time, a tiny robot named Bolt {id: "B-1", tags: ["}"]} found a flower growing through the cracked pavement — “héllo”, it beeped.';
const expectedUsage = {
  inputTokens: 11,
  outputTokens: 27 + 263,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  model: "gemini-2.5-flash",
  responseId: "3SlnaJ6RGfOm7dcPlZ-32Ak",
  finishReasons: ["STOP"],
};

/** A small seeded generator so a failing split can be reproduced. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The same bytes cut whole, byte by byte, and at random places. */
function splits(bytes: Uint8Array): Array<{ name: string; chunks: Uint8Array[] }> {
  const result = [
    { name: "whole", chunks: [bytes] },
    { name: "byte by byte", chunks: Array.from(bytes, (byte) => Uint8Array.of(byte)) },
  ];
  for (let seed = 1; seed <= 20; seed++) {
    const random = seededRandom(seed);
    const chunks: Uint8Array[] = [];
    for (let start = 0; start < bytes.length; ) {
      const end = Math.min(bytes.length, start + 1 + Math.floor(random() * 64));
      chunks.push(bytes.subarray(start, end));
      start = end;
    }
    result.push({ name: `random split ${seed}`, chunks });
  }
  return result;
}

function run(chunks: Uint8Array[], contentType: string) {
  const observer = createGeminiStreamObserver({ contentType });
  const forwarded: number[] = [];
  for (const chunk of chunks) forwarded.push(...observer.transform(chunk));
  forwarded.push(...observer.flush());
  return { observer, forwarded: Uint8Array.from(forwarded) };
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
    const lfOnly = Buffer.from(sseBytes.toString("utf8").replaceAll("\r\n", "\n"));
    expect(run([lfOnly], "text/event-stream").observer.usage()).toEqual(expectedUsage);
    expect(run([lfOnly], "application/json").observer.usage()).toEqual(expectedUsage);
  });

  it("reports the running usage and partial text of a stream cut short", () => {
    const text = sseBytes.toString("utf8");
    const cut = Buffer.from(text.slice(0, text.lastIndexOf("data:") + 40));
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
