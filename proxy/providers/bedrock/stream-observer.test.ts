import { describe, expect, it } from "vitest";
import { concatBytes } from "../shared/bytes";
import { namedSplits, replay } from "../test-support/feed-chunks";
import { readFixtureJson } from "../test-support/fixtures";
import { bedrockStreamErrorEvent } from "./bedrock-error";
import { encodeEventStreamMessage, encodeJsonEvent } from "./event-stream";
import { createBedrockStreamObserver } from "./stream-observer";

const here = import.meta.dirname;

/** A converse-stream body as Bedrock sends it, built from the recorded events. */
const converseEvents = readFixtureJson<Array<{ eventType: string; payload: unknown }>>(here, "converse-stream.events.json");
const converseStream = concatBytes(converseEvents.map((event) => encodeJsonEvent(event.eventType, event.payload)));

/** An invoke-with-response-stream body: each Anthropic event base64'd into a `chunk` event. */
const anthropicEvents = readFixtureJson<unknown[]>(here, "invoke-stream-anthropic.events.json");
const chunkEvent = (event: unknown) =>
  encodeJsonEvent("chunk", { bytes: Buffer.from(JSON.stringify(event)).toString("base64"), p: "abcdefgh" });
const invokeStream = concatBytes(anthropicEvents.map(chunkEvent));

/** Whole, byte by byte and at twenty random places: AWS event-stream frames must survive any cut. */
const splits = (bytes: Uint8Array) => namedSplits(bytes, 80);

function run(chunks: Uint8Array[]) {
  const observer = createBedrockStreamObserver();
  return { observer, forwarded: replay(observer, chunks).forwarded };
}

describe("Bedrock stream observer", () => {
  for (const { name, chunks } of splits(converseStream)) {
    it(`reads converse-stream usage from the metadata event, fed ${name}`, () => {
      const { observer, forwarded } = run(chunks);
      expect(observer.usage()).toEqual({
        inputTokens: 22 + 1024,
        outputTokens: 9,
        cacheReadTokens: 0,
        cacheWriteTokens: 1024,
        finishReasons: ["end_turn"],
      });
      expect(observer.outputText()).toBe("Canberra is the capital — “Ça va”.");
      expect(Buffer.from(forwarded).equals(Buffer.from(converseStream))).toBe(true);
    });
  }

  for (const { name, chunks } of splits(invokeStream)) {
    it(`reads invoke-with-response-stream usage from the invocation metrics, fed ${name}`, () => {
      const { observer, forwarded } = run(chunks);
      expect(observer.usage()).toEqual({
        inputTokens: 14 + 300,
        outputTokens: 6,
        cacheReadTokens: 300,
        cacheWriteTokens: 0,
        model: "claude-3-5-haiku-20241022",
        responseId: "msg_bdrk_01AbCdEf",
        finishReasons: ["end_turn"],
      });
      expect(observer.outputText()).toBe("Hello world");
      expect(Buffer.from(forwarded).equals(Buffer.from(invokeStream))).toBe(true);
    });
  }

  it("reports partial usage from Anthropic events when the stream is cut before the metrics", () => {
    const cut = concatBytes(anthropicEvents.slice(0, 4).map(chunkEvent));
    const { observer } = run([cut.subarray(0, cut.length - 3)]);
    expect(observer.usage()).toMatchObject({ inputTokens: 314, outputTokens: 1 });
    expect(observer.outputText()).toBe("Hello");
  });

  it("reports no usage for a converse stream cut before metadata, but keeps the text", () => {
    const cut = concatBytes(converseEvents.slice(0, 3).map((event) => encodeJsonEvent(event.eventType, event.payload)));
    const { observer } = run([cut]);
    expect(observer.usage()).toBeNull();
    expect(observer.outputText()).toBe("Canberra is the capital — “Ça va”.");
  });

  it("reads Nova and Llama invoke streams", () => {
    const nova = concatBytes([
      chunkEvent({ messageStart: { role: "assistant" } }),
      chunkEvent({ contentBlockDelta: { delta: { text: "Hi!" }, contentBlockIndex: 0 } }),
      chunkEvent({ messageStop: { stopReason: "end_turn" } }),
      chunkEvent({ metadata: { usage: { inputTokens: 5, outputTokens: 2 } }, "amazon-bedrock-invocationMetrics": { inputTokenCount: 5, outputTokenCount: 2 } }),
    ]);
    expect(run([nova]).observer.usage()).toMatchObject({ inputTokens: 5, outputTokens: 2, finishReasons: ["end_turn"] });
    expect(run([nova]).observer.outputText()).toBe("Hi!");

    const llama = concatBytes([
      chunkEvent({ generation: "Bon", prompt_token_count: 21, generation_token_count: 1, stop_reason: null }),
      chunkEvent({ generation: "jour", prompt_token_count: null, generation_token_count: 2, stop_reason: "stop" }),
    ]);
    expect(run([llama]).observer.usage()).toMatchObject({ inputTokens: 21, outputTokens: 2, finishReasons: ["stop"] });
    expect(run([llama]).observer.outputText()).toBe("Bonjour");
  });

  it("ignores exception messages and unknown events", () => {
    const bytes = concatBytes([
      encodeEventStreamMessage({ ":message-type": "event", ":event-type": "somethingNew" }, new TextEncoder().encode("{}")),
      bedrockStreamErrorEvent("throttled"),
    ]);
    const { observer, forwarded } = run([bytes]);
    expect(observer.usage()).toBeNull();
    expect(forwarded).toEqual(bytes);
  });

  it("forwards garbage untouched without throwing", () => {
    const garbage = new TextEncoder().encode("\u0000\u0000\u0000\u0020garbage that only looks framed at first");
    const { observer, forwarded } = run([garbage]);
    expect(observer.usage()).toBeNull();
    expect(forwarded).toEqual(garbage);
    const badChunk = encodeJsonEvent("chunk", { bytes: "%%% not base64 json %%%" });
    expect(run([badChunk]).observer.usage()).toBeNull();
  });
});
