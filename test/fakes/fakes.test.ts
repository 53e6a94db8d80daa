// Proves the fakes speak the real wire formats: the official SDKs talk to them
// directly, and the failure behaviours look to the SDKs like real failures.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeAnthropic } from "./anthropic-upstream";
import type { FakeServer } from "./fake-server";
import { startFakeOpenAI } from "./openai-upstream";

describe("fake OpenAI upstream", () => {
  let fake: FakeServer;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ apiKey: "sk-fake" });
    client = new OpenAI({ baseURL: fake.url, apiKey: "sk-fake", maxRetries: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.setBehaviour({});
    fake.requests.length = 0;
  });

  it("answers chat completions as JSON, echoing the model and reporting the configured usage", async () => {
    fake.setBehaviour({ usage: { inputTokens: 1000, outputTokens: 50, cacheReadTokens: 200 }, replyText: "Hi there" });
    const completion = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });
    expect(completion.model).toBe("gpt-4o-mini");
    expect(completion.choices[0].message.content).toBe("Hi there");
    expect(completion.usage).toMatchObject({ prompt_tokens: 1000, completion_tokens: 50, prompt_tokens_details: { cached_tokens: 200 } });
    const [recorded] = fake.requests;
    expect(recorded).toMatchObject({ method: "POST", path: "/v1/chat/completions", search: "" });
    expect(recorded.headers.authorization).toBe("Bearer sk-fake");
    expect(recorded.json).toMatchObject({ model: "gpt-4o-mini" });
  });

  it("streams chat completions, with the usage chunk only when include_usage is set", async () => {
    const withUsage = await client.chat.completions.create({
      model: "gpt-4.1", messages: [{ role: "user", content: "hi" }], stream: true, stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of withUsage) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("")).toBe("Hello from the fake upstream!");
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 10, completion_tokens: 20 } });

    const withoutUsage = await client.chat.completions.create({ model: "gpt-4.1", messages: [], stream: true });
    const plain = [];
    for await (const chunk of withoutUsage) plain.push(chunk);
    expect(plain.every((chunk) => chunk.choices.length === 1 && chunk.usage === undefined)).toBe(true);
  });

  it("answers the Responses API as JSON and as a stream the SDK's helper can assemble", async () => {
    const response = await client.responses.create({ model: "gpt-4.1", input: "hi" });
    expect(response.output_text).toBe("Hello from the fake upstream!");
    expect(response.usage).toMatchObject({ input_tokens: 10, output_tokens: 20 });

    const stream = client.responses.stream({ model: "gpt-4.1", input: "hi" });
    const deltas: string[] = [];
    stream.on("response.output_text.delta", (event) => deltas.push(event.delta));
    const final = await stream.finalResponse();
    expect(deltas.join("")).toBe("Hello from the fake upstream!");
    expect(final.usage?.output_tokens).toBe(20);
  });

  it("answers legacy completions, embeddings (base64 by default in the SDK) and models", async () => {
    const completion = await client.completions.create({ model: "gpt-3.5-turbo-instruct", prompt: "Say" });
    expect(completion.choices[0].text).toBe("Hello from the fake upstream!");

    const embedding = await client.embeddings.create({ model: "text-embedding-3-small", input: ["a", "b"] });
    expect(embedding.data).toHaveLength(2);
    expect(embedding.data[0].embedding).toHaveLength(8);
    expect(embedding.data[0].embedding[0]).toBeCloseTo(Math.sin(1) / 10, 5);
    expect(embedding.usage.prompt_tokens).toBe(10);

    fake.setBehaviour({ models: ["m-1", "m-2"] });
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(["m-1", "m-2"]);
  });

  it("fails in the provider's real error shape, for a limited number of requests when asked", async () => {
    fake.setBehaviour({ status: 429, statusCount: 1 });
    const error = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).code).toBe("rate_limit_exceeded");
    await expect(client.chat.completions.create({ model: "gpt-4o-mini", messages: [] })).resolves.toBeTruthy();

    const wrongKey = new OpenAI({ baseURL: fake.url, apiKey: "sk-wrong", maxRetries: 0 });
    await expect(wrongKey.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it("can drop the connection, delay the first byte and die mid-stream", async () => {
    fake.setBehaviour({ dropConnection: true });
    await expect(client.models.list()).rejects.toBeInstanceOf(OpenAI.APIConnectionError);

    fake.setBehaviour({ delayMs: 150 });
    const started = Date.now();
    await client.models.list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    fake.setBehaviour({ dieAfterChunks: 3, chunkIntervalMs: 5 });
    const stream = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [], stream: true });
    const received: string[] = [];
    const consume = async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? "");
    };
    await expect(consume()).rejects.toThrow();
    expect(received).toHaveLength(3);
  });

  it("serves OpenAI paths under other base paths (e.g. Azure's /openai/v1) and takes api-key auth", async () => {
    const azure = new OpenAI({
      baseURL: `${fake.origin}/openai/v1`, apiKey: "unused", maxRetries: 0, defaultHeaders: { "api-key": "sk-fake", authorization: null },
    });
    const completion = await azure.chat.completions.create({ model: "gpt-4o", messages: [] });
    expect(completion.model).toBe("gpt-4o");
    expect(fake.requests[0].path).toBe("/openai/v1/chat/completions");
  });
});

describe("fake Anthropic upstream", () => {
  let fake: FakeServer;
  let client: Anthropic;
  beforeAll(async () => {
    fake = await startFakeAnthropic({ apiKey: "sk-ant-fake" });
    client = new Anthropic({ baseURL: fake.url, apiKey: "sk-ant-fake", maxRetries: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.setBehaviour({});
    fake.requests.length = 0;
  });

  it("answers messages as JSON with the configured usage", async () => {
    fake.setBehaviour({ usage: { inputTokens: 30, outputTokens: 7, cacheReadTokens: 100, cacheWriteTokens: 5 }, responseModel: "claude-x-20250101" });
    const message = await client.messages.create({ model: "claude-x", max_tokens: 64, messages: [{ role: "user", content: "hi" }] });
    expect(message.model).toBe("claude-x-20250101");
    expect(message.content).toEqual([{ type: "text", text: "Hello from the fake upstream!" }]);
    expect(message.usage).toMatchObject({ input_tokens: 30, output_tokens: 7, cache_read_input_tokens: 100, cache_creation_input_tokens: 5 });
    const [recorded] = fake.requests;
    expect(recorded.path).toBe("/v1/messages");
    expect(recorded.headers["x-api-key"]).toBe("sk-ant-fake");
    expect(recorded.headers["anthropic-version"]).toBe("2023-06-01");
  });

  it("streams messages the SDK's helper can assemble", async () => {
    fake.setBehaviour({ replyText: "One two three", usage: { outputTokens: 3 } });
    const stream = client.messages.stream({ model: "claude-haiku-4-5", max_tokens: 64, messages: [{ role: "user", content: "count" }] });
    const deltas: string[] = [];
    stream.on("text", (text) => deltas.push(text));
    const final = await stream.finalMessage();
    expect(deltas).toEqual(["One", " two", " three"]);
    expect(final.content).toEqual([{ type: "text", text: "One two three" }]);
    expect(final.usage).toMatchObject({ input_tokens: 10, output_tokens: 3 });
    expect(final.stop_reason).toBe("end_turn");
  });

  it("counts tokens and lists models", async () => {
    const counted = await client.messages.countTokens({ model: "claude-haiku-4-5", messages: [{ role: "user", content: "hi" }] });
    expect(counted.input_tokens).toBe(10);
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(["claude-sonnet-4-5-20250929", "claude-haiku-4-5-20251001"]);
  });

  it("fails in Anthropic's error shape and refuses requests without anthropic-version", async () => {
    fake.setBehaviour({ status: 529 });
    const error = await client.messages.create({ model: "m", max_tokens: 5, messages: [] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(529);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: "error", error: { type: "overloaded_error" } });

    fake.setBehaviour({});
    const response = await fetch(`${fake.url}/v1/messages`, {
      method: "POST", headers: { "x-api-key": "sk-ant-fake", "content-type": "application/json" }, body: "{}",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
  });

  it("dies mid-stream after the configured number of events", async () => {
    fake.setBehaviour({ dieAfterChunks: 4 });
    const stream = await client.messages.create({ model: "m", max_tokens: 5, messages: [], stream: true });
    const types: string[] = [];
    const consume = async () => {
      for await (const event of stream) types.push(event.type);
    };
    await expect(consume()).rejects.toThrow();
    // The SDK hides ping events, so four events on the wire are three here.
    expect(types).toEqual(["message_start", "content_block_start", "content_block_delta"]);
  });
});
