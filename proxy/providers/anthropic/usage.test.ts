import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeAnthropic, type FakeServer } from "../../../test/fakes/anthropic-upstream";
import { SseParser, parseEventJson } from "../sse";
import type { ProviderConfig } from "../types";
import { CHUNKINGS, chunkingName, replay, replayResponse, splitBytes, text } from "../test-support/feed-chunks";
import { readFixtureBytes, readFixtureJson } from "../test-support/fixtures";
import { anthropicAdapter } from "./index";

const here = import.meta.dirname;
const encoder = new TextEncoder();
const observe = () => anthropicAdapter.createStreamObserver({ injectedUsage: false, contentType: "text/event-stream" });

describe("usage from a Message body", () => {
  it("adds cache reads and writes into the input total and reports them separately", () => {
    expect(anthropicAdapter.usageFromJson(readFixtureJson(here, "messages.json"))).toEqual({
      inputTokens: 12 + 1530 + 2048,
      outputTokens: 18,
      cacheReadTokens: 2048,
      cacheWriteTokens: 1530,
      model: "claude-sonnet-4-5-20250929",
      responseId: "msg_01XFDUDYJgAACzvnptvVoYEL",
      finishReasons: ["end_turn"],
    });
  });

  it("gives nothing to bill for count_tokens answers, model lists, errors and garbage", () => {
    expect(anthropicAdapter.usageFromJson(readFixtureJson(here, "count-tokens.json"))).toBeNull();
    expect(anthropicAdapter.usageFromJson(readFixtureJson(here, "models.json"))).toBeNull();
    expect(anthropicAdapter.usageFromJson(readFixtureJson(here, "error.json"))).toBeNull();
    expect(anthropicAdapter.usageFromJson([1, 2])).toBeNull();
    expect(anthropicAdapter.usageFromJson({ usage: { input_tokens: "lots", output_tokens: 3 } })).toMatchObject({
      inputTokens: 0,
      outputTokens: 3,
    });
  });
});

describe("usage from a Messages stream", () => {
  const stream = readFixtureBytes(here, "messages.chunks.txt");
  for (const chunking of CHUNKINGS) {
    it(`reads message_start and message_delta usage and forwards bytes untouched (${chunkingName(chunking)})`, () => {
      const observer = observe();
      const chunks = splitBytes(stream, chunking);
      const { forwarded, perChunk } = replay(observer, chunks);
      expect(text(forwarded)).toBe(text(stream));
      chunks.forEach((chunk, index) => expect(perChunk[index]).toBe(chunk));
      expect(observer.usage()).toEqual({
        inputTokens: 21 + 1800,
        outputTokens: 12,
        cacheReadTokens: 1800,
        cacheWriteTokens: 0,
        model: "claude-sonnet-4-5-20250929",
        responseId: "msg_01LdqgnJ9xA1XhvWmQk4tYcE",
        finishReasons: ["end_turn"],
      });
      expect(observer.outputText()).toBe("Hello! How can I help you today?");
    });
  }

  it("takes cumulative counts from message_delta and counts tool-input JSON as output text", () => {
    const observer = observe();
    replay(observer, splitBytes(readFixtureBytes(here, "messages-tool-use.chunks.txt"), { seed: 11 }));
    expect(observer.usage()).toMatchObject({ inputTokens: 472, outputTokens: 89, finishReasons: ["tool_use"] });
    expect(observer.outputText()).toBe('Let me check the weather.{"location": "San Francisco, CA"}');
  });

  it("keeps message_start usage when the stream is cut before message_delta", () => {
    const full = text(stream);
    const observer = observe();
    observer.transform(encoder.encode(full.slice(0, full.indexOf("event: content_block_stop"))));
    observer.flush();
    expect(observer.usage()).toMatchObject({ inputTokens: 1821, outputTokens: 2 });
    expect(observer.outputText()).toBe("Hello! How can I help you today?");
  });

  it("reads CRLF streams and never throws on garbage", () => {
    const crlf = encoder.encode(text(stream).replaceAll("\n", "\r\n"));
    const observer = observe();
    replay(observer, splitBytes(crlf, "byte-by-byte"));
    expect(observer.usage()).toMatchObject({ outputTokens: 12 });

    const garbage = observe();
    const bytes = encoder.encode('event: message_start\ndata: {"type":"message_start","message":7}\n\ndata: {{\n\n');
    expect(text(replay(garbage, [bytes]).forwarded)).toBe(text(bytes));
    expect(garbage.usage()).toBeNull();
  });
});

describe("request info", () => {
  it("reads model, stream and max_tokens from messages", () => {
    expect(
      anthropicAdapter.requestInfo("v1/messages", "", { model: "claude-haiku-4-5", max_tokens: 1024, stream: true }),
    ).toEqual({ operation: "chat", model: "claude-haiku-4-5", stream: true, maxOutputTokens: 1024 });
    expect(anthropicAdapter.requestInfo("v1/messages", "?beta=true", { model: "m", max_tokens: 5 })).toMatchObject({
      stream: false,
      maxOutputTokens: 5,
    });
  });

  it("marks count_tokens and models as operations that generate nothing", () => {
    expect(anthropicAdapter.requestInfo("v1/messages/count_tokens", "", { model: "claude-x", max_tokens: 9 })).toEqual({
      operation: "count_tokens",
      model: "claude-x",
      stream: false,
    });
    expect(anthropicAdapter.requestInfo("v1/models", "", null)).toEqual({ operation: "list_models", stream: false });
  });

  it("streams by content type, falling back to the request's stream flag", () => {
    const info = { operation: "chat", stream: true };
    expect(anthropicAdapter.isStreamingResponse(info, "text/event-stream; charset=utf-8")).toBe(true);
    expect(anthropicAdapter.isStreamingResponse(info, "application/json")).toBe(false);
    expect(anthropicAdapter.isStreamingResponse(info, "")).toBe(true);
  });
});

describe("upstream request", () => {
  const provider: ProviderConfig = { type: "anthropic", slug: "claude", credentials: { apiKey: "sk-ant-provider" } };
  const body = encoder.encode('{"model":"claude-haiku-4-5","max_tokens":10,"messages":[]}');

  it("sets x-api-key, passes anthropic-version and anthropic-beta through and drops client credentials", async () => {
    const headers = new Headers({
      "anthropic-version": "2023-01-01",
      "anthropic-beta": "prompt-caching-2024-07-31",
      "x-api-key": "gw-should-not-leak",
      authorization: "Bearer gw-should-not-leak",
      "content-type": "application/json",
      "content-length": "999",
      host: "gateway.local",
    });
    const request = await anthropicAdapter.buildUpstreamRequest({
      method: "POST", path: "v1/messages", search: "?beta=true", headers, body, provider,
    });
    expect(request.url).toBe("https://api.anthropic.com/v1/messages?beta=true");
    expect(request.headers.get("x-api-key")).toBe("sk-ant-provider");
    expect(request.headers.get("anthropic-version")).toBe("2023-01-01");
    expect(request.headers.get("anthropic-beta")).toBe("prompt-caching-2024-07-31");
    expect(request.headers.get("authorization")).toBeNull();
    expect(request.headers.get("host")).toBeNull();
    expect(request.headers.get("content-length")).toBe(String(body.byteLength));
    expect([...request.headers.values()].join(" ")).not.toContain("gw-should-not-leak");
    expect(request.body).toBe(body);
  });

  it("defaults anthropic-version and joins a custom base URL", async () => {
    const request = await anthropicAdapter.buildUpstreamRequest({
      method: "GET", path: "v1/models", search: "", headers: new Headers(), body: null,
      provider: { ...provider, baseUrl: "http://127.0.0.1:9999/anthropic/" },
    });
    expect(request.url).toBe("http://127.0.0.1:9999/anthropic/v1/models");
    expect(request.headers.get("anthropic-version")).toBe("2023-06-01");
    expect(request.headers.get("content-length")).toBeNull();
  });
});

describe("stream error event", () => {
  it("is an Anthropic error event", () => {
    const [event] = new SseParser().push(anthropicAdapter.streamErrorEvent("upstream went away"));
    expect(event.event).toBe("error");
    expect(parseEventJson(event)).toEqual({ type: "error", error: { type: "api_error", message: "upstream went away" } });
  });
});

describe("against the fake Anthropic upstream", () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startFakeAnthropic({ apiKey: "sk-ant-provider", behaviour: { usage: { inputTokens: 5, outputTokens: 9, cacheReadTokens: 100 } } });
  });
  afterAll(() => fake.close());
  const provider = (): ProviderConfig => ({ type: "anthropic", slug: "claude", baseUrl: fake.url, credentials: { apiKey: "sk-ant-provider" } });

  it("meters a real stream end to end (request built by the adapter, no anthropic-version from the client)", async () => {
    const body = encoder.encode(JSON.stringify({ model: "claude-haiku-4-5", max_tokens: 50, stream: true, messages: [] }));
    const upstream = await anthropicAdapter.buildUpstreamRequest({
      method: "POST", path: "v1/messages", search: "", headers: new Headers({ "content-type": "application/json" }), body, provider: provider(),
    });
    const response = await fetch(upstream.url, { method: "POST", headers: upstream.headers, body: upstream.body && new Uint8Array(upstream.body) });
    expect(response.status).toBe(200);
    const observer = observe();
    await replayResponse(observer, response);
    expect(observer.usage()).toMatchObject({ inputTokens: 105, outputTokens: 9, cacheReadTokens: 100, model: "claude-haiku-4-5" });
  });

  it("lists models through v1/models, null on failure", async () => {
    fake.setBehaviour({ models: ["claude-a", "claude-b"] });
    expect(await anthropicAdapter.listModels?.(provider())).toEqual(["claude-a", "claude-b"]);
    expect(fake.requests.at(-1)).toMatchObject({ path: "/v1/models", search: "?limit=1000" });
    fake.setBehaviour({ status: 500 });
    expect(await anthropicAdapter.listModels?.(provider())).toBeNull();
  });
});
