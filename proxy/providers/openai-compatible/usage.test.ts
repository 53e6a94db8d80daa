import { describe, expect, it } from "vitest";
import { SseParser, parseEventJson } from "../sse";
import { openaiAdapter } from "../openai";
import { mistralAdapter } from "../mistral";
import { groqAdapter } from "../groq";
import { CHUNKINGS, chunkingName, replay, splitBytes, text } from "../test-support/feed-chunks";
import { readFixtureBytes, readFixtureJson } from "../test-support/fixtures";

const here = import.meta.dirname;
const encoder = new TextEncoder();
const observe = (injectedUsage: boolean) =>
  openaiAdapter.createStreamObserver({ injectedUsage, contentType: "text/event-stream" });

describe("usage from JSON bodies", () => {
  it("reads a chat completion, counting cached tokens inside the input", () => {
    expect(openaiAdapter.usageFromJson(readFixtureJson(here, "chat-completion.json"))).toEqual({
      inputTokens: 1117,
      outputTokens: 21,
      cacheReadTokens: 1024,
      cacheWriteTokens: 0,
      model: "gpt-4o-mini-2024-07-18",
      responseId: "chatcmpl-BqXQ3mYbV0xJ8kq2tN4rRzW7uHs1d",
      finishReasons: ["stop"],
    });
  });

  it("reads a legacy text completion", () => {
    expect(openaiAdapter.usageFromJson(readFixtureJson(here, "text-completion.json"))).toMatchObject({
      inputTokens: 5,
      outputTokens: 7,
      finishReasons: ["length"],
    });
  });

  it("reads a Responses API object (input_tokens / output_tokens / input_tokens_details)", () => {
    expect(openaiAdapter.usageFromJson(readFixtureJson(here, "responses.json"))).toEqual({
      inputTokens: 36,
      outputTokens: 19,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      model: "gpt-4.1-2025-04-14",
      responseId: "resp_686b9f3c2d4881a2b7e5c0f1a9d3e6b70c2f4a1e8d5b3c97",
      finishReasons: ["completed"],
    });
  });

  it("reads embeddings, which have no output tokens", () => {
    expect(openaiAdapter.usageFromJson(readFixtureJson(here, "embeddings.json"))).toMatchObject({
      inputTokens: 8,
      outputTokens: 0,
      model: "text-embedding-3-small",
    });
  });

  it("returns null for bodies without usage and never throws on odd data", () => {
    expect(openaiAdapter.usageFromJson({ object: "list", data: [{ id: "gpt-4o" }] })).toBeNull();
    expect(openaiAdapter.usageFromJson(null)).toBeNull();
    expect(openaiAdapter.usageFromJson("oops")).toBeNull();
    expect(openaiAdapter.usageFromJson({ usage: "many" })).toBeNull();
    expect(openaiAdapter.usageFromJson({ usage: { prompt_tokens: -3, completion_tokens: 4 } })).toMatchObject({
      inputTokens: 0,
      outputTokens: 4,
    });
    expect(
      openaiAdapter.usageFromJson({ usage: { prompt_tokens: 10, completion_tokens: 2, prompt_tokens_details: "x" } }),
    ).toMatchObject({ inputTokens: 10, outputTokens: 2, cacheReadTokens: 0 });
  });
});

describe("chat completion streams", () => {
  const withUsage = readFixtureBytes(here, "chat-completion.chunks.txt");
  const withoutUsage = readFixtureBytes(here, "chat-completion-no-usage.chunks.txt");
  const expectedUsage = {
    inputTokens: 19,
    outputTokens: 10,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    model: "gpt-4o-mini-2024-07-18",
    responseId: "chatcmpl-BqXT1pQz6nE4yK8rLw2sVdA0bCgJm",
    finishReasons: ["stop"],
  };

  for (const chunking of CHUNKINGS) {
    it(`forwards a client-requested usage stream untouched and reads its usage (${chunkingName(chunking)})`, () => {
      const observer = observe(false);
      const { forwarded } = replay(observer, splitBytes(withUsage, chunking));
      expect(text(forwarded)).toBe(text(withUsage));
      expect(observer.usage()).toEqual(expectedUsage);
      expect(observer.outputText()).toBe("Hello! How can I assist you today?");
    });

    it(`strips the injected usage-only chunk but still reads it (${chunkingName(chunking)})`, () => {
      const observer = observe(true);
      const { forwarded } = replay(observer, splitBytes(withUsage, chunking));
      expect(observer.usage()).toEqual(expectedUsage);
      // The client sees exactly what it would have seen had it not asked for usage.
      expect(text(forwarded)).toBe(text(withoutUsage).replaceAll('"obfuscation"', '"usage":null,"obfuscation"'));
      expect(text(forwarded)).not.toContain('"prompt_tokens"');
      expect(text(forwarded).endsWith("data: [DONE]\n\n")).toBe(true);
    });
  }

  it("passes each chunk straight through when nothing was injected (no holding back)", () => {
    const observer = observe(false);
    const chunks = splitBytes(withUsage, { seed: 3 });
    const { perChunk } = replay(observer, chunks);
    chunks.forEach((chunk, index) => expect(perChunk[index]).toBe(chunk));
    expect(perChunk.at(-1)?.length).toBe(0);
  });

  it("forwards every complete event promptly when injected, holding back only the unfinished one", () => {
    const observer = observe(true);
    const full = text(withUsage);
    const firstEventEnd = full.indexOf("\n\n") + 2;
    const forwarded = observer.transform(encoder.encode(full.slice(0, firstEventEnd + 10)));
    expect(text(forwarded)).toBe(full.slice(0, firstEventEnd));
  });

  it("handles CRLF line endings and drops the usage chunk when it is the unterminated tail", () => {
    const crlf = text(withUsage).replaceAll("\n", "\r\n").replace(/data: \[DONE\]\r\n\r\n$/, "").replace(/\r\n\r\n$/, "");
    for (const chunking of CHUNKINGS) {
      const observer = observe(true);
      const { forwarded } = replay(observer, splitBytes(encoder.encode(crlf), chunking));
      expect(observer.usage()).toMatchObject({ inputTokens: 19, outputTokens: 10 });
      expect(text(forwarded)).not.toContain("prompt_tokens");
      expect(text(forwarded).endsWith('"finish_reason":"stop"}],"usage":null,"obfuscation":"k2Qp"}\r\n\r\n')).toBe(true);
    }
  });

  it("has no usage but keeps the text when the upstream sent none", () => {
    const observer = observe(false);
    replay(observer, splitBytes(withoutUsage, { seed: 5 }));
    expect(observer.usage()).toBeNull();
    expect(observer.outputText()).toBe("Hello! How can I assist you today?");
  });

  it("keeps partial text when the stream is cut short", () => {
    const observer = observe(true);
    const full = text(withUsage);
    observer.transform(encoder.encode(full.slice(0, Math.floor(full.length / 2))));
    observer.flush();
    expect(observer.usage()).toBeNull();
    expect(observer.outputText().length).toBeGreaterThan(0);
    expect("Hello! How can I assist you today?".startsWith(observer.outputText())).toBe(true);
  });

  it("forwards garbage and comments untouched without throwing", () => {
    const garbage = encoder.encode(': keep-alive\n\ndata: {not json\n\ndata: {"choices":"nope","usage":[]}\n\nevent: x\n\n');
    for (const injected of [false, true]) {
      const observer = observe(injected);
      const { forwarded } = replay(observer, splitBytes(garbage, "byte-by-byte"));
      expect(text(forwarded)).toBe(text(garbage));
      expect(observer.usage()).toBeNull();
    }
  });

  it("reads Mistral's usage, which rides on the last chunk with choices (nothing injected)", () => {
    const bytes = readFixtureBytes(here, "mistral-chat.chunks.txt");
    const observer = mistralAdapter.createStreamObserver({ injectedUsage: false, contentType: "text/event-stream" });
    const { forwarded } = replay(observer, splitBytes(bytes, { seed: 9 }));
    expect(text(forwarded)).toBe(text(bytes));
    expect(observer.usage()).toMatchObject({ inputTokens: 7, outputTokens: 11, model: "mistral-small-latest", finishReasons: ["stop"] });
    expect(observer.outputText()).toBe("Bonjour ! Comment puis-je vous aider ?");
  });

  it("reads Groq's x_groq.usage", () => {
    const observer = groqAdapter.createStreamObserver({ injectedUsage: true, contentType: "text/event-stream" });
    const bytes = readFixtureBytes(here, "groq-chat.chunks.txt");
    const { forwarded } = replay(observer, splitBytes(bytes, "byte-by-byte"));
    expect(text(forwarded)).toBe(text(bytes)); // its usage chunk has choices, so it is not stripped
    expect(observer.usage()).toMatchObject({ inputTokens: 40, outputTokens: 4, model: "llama-3.3-70b-versatile" });
  });
});

describe("Responses API streams", () => {
  const bytes = readFixtureBytes(here, "responses.chunks.txt");
  for (const chunking of CHUNKINGS) {
    it(`reads usage from response.completed (${chunkingName(chunking)})`, () => {
      const observer = observe(false);
      const { forwarded } = replay(observer, splitBytes(bytes, chunking));
      expect(text(forwarded)).toBe(text(bytes));
      expect(observer.usage()).toEqual({
        inputTokens: 36,
        outputTokens: 19,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        model: "gpt-4.1-2025-04-14",
        responseId: "resp_686b9f3c2d4881a2b7e5c0f1a9d3e6b70c2f4a1e8d5b3c97",
        finishReasons: ["completed"],
      });
      expect(observer.outputText()).toBe(
        "Under a silver moon, a sleepy unicorn named Luna drifted into dreams of starlit meadows.",
      );
    });
  }
});

describe("stream error event", () => {
  it("is an OpenAI error object on a data line", () => {
    const parser = new SseParser();
    const events = parser.push(openaiAdapter.streamErrorEvent('upstream "died"'));
    expect(events).toHaveLength(1);
    expect(parseEventJson(events[0])).toEqual({
      error: { message: 'upstream "died"', type: "server_error", code: "upstream_error" },
    });
  });
});
