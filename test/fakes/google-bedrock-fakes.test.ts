// The fake Gemini/Vertex and Bedrock upstreams must be indistinguishable from the real
// services for the official SDKs, or integration tests through the gateway prove nothing.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";
import { GoogleGenAI } from "@google/genai";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { bedrockStreamErrorEvent, encodeJsonEvent } from "../../proxy/providers/bedrock";
import { geminiStreamErrorEvent } from "../../proxy/providers/google";
import { signedAssertion } from "../../proxy/providers/google-vertex";
import { startFakeBedrock } from "./bedrock-upstream";
import { FAKE_VERTEX_PROJECT, startFakeGemini, type FakeGeminiServer } from "./google-upstream";
import type { FakeServer } from "./fake-server";

const MODEL = "gemini-2.5-flash";
const CLAUDE = "anthropic.claude-3-5-haiku-20241022-v1:0";
const usage = { inputTokens: 31, outputTokens: 7, cacheReadTokens: 0, cacheWriteTokens: 0 };
const replyText = "Paris is the capital of France, on the Seine.";

/** A one-off server that writes `parts` as a 200 stream, for error-event checks. */
async function startScriptedStream(contentType: string, parts: Uint8Array[]): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", async () => {
      response.writeHead(200, { "content-type": contentType });
      for (const part of parts) {
        response.write(part);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("fake Gemini with @google/genai", () => {
  let fake: FakeGeminiServer;
  let ai: GoogleGenAI;

  beforeAll(async () => {
    fake = await startFakeGemini({ apiKey: "gemini-test-key" });
    ai = new GoogleGenAI({ apiKey: "gemini-test-key", httpOptions: { baseUrl: fake.url } });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.setBehaviour({}));

  it("answers generateContent with text and usage", async () => {
    fake.setBehaviour({ usage, replyText });
    const response = await ai.models.generateContent({
      model: MODEL,
      contents: "What is the capital of France?",
      config: { maxOutputTokens: 64 },
    });
    expect(response.text).toBe(replyText);
    expect(response.usageMetadata).toMatchObject({ promptTokenCount: 31, candidatesTokenCount: 7, totalTokenCount: 38 });
    expect(response.modelVersion).toBe(MODEL);
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe(`/v1beta/models/${MODEL}:generateContent`);
    expect(request.headers["x-goog-api-key"]).toBe("gemini-test-key");
    expect(request.json).toMatchObject({ generationConfig: { maxOutputTokens: 64 } });
  });

  it("streams with alt=sse, usage on the last chunk", async () => {
    fake.setBehaviour({ usage, replyText });
    const stream = await ai.models.generateContentStream({ model: MODEL, contents: "Capital of France?" });
    let text = "";
    let lastUsage: unknown;
    for await (const chunk of stream) {
      text += chunk.text ?? "";
      lastUsage = chunk.usageMetadata;
    }
    expect(text).toBe(replyText);
    expect(lastUsage).toMatchObject({ promptTokenCount: 31, candidatesTokenCount: 7 });
    expect(fake.requests.at(-1)!.search).toBe("?alt=sse");
  });

  it("streams a JSON array without alt=sse", async () => {
    fake.setBehaviour({ usage, replyText });
    const response = await fetch(`${fake.url}/v1beta/models/${MODEL}:streamGenerateContent`, {
      method: "POST",
      headers: { "x-goog-api-key": "gemini-test-key", "content-type": "application/json" },
      body: JSON.stringify({ contents: [{ parts: [{ text: "Hi" }] }] }),
    });
    expect(response.headers.get("content-type")).toContain("application/json");
    const chunks = (await response.json()) as Array<{ usageMetadata: { candidatesTokenCount?: number } }>;
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.at(-1)!.usageMetadata.candidatesTokenCount).toBe(7);
  });

  it("embeds, counts tokens and lists models", async () => {
    fake.setBehaviour({ usage });
    const embedded = await ai.models.embedContent({ model: "gemini-embedding-001", contents: ["one", "two"] });
    expect(embedded.embeddings).toHaveLength(2);
    const counted = await ai.models.countTokens({ model: MODEL, contents: "How many tokens?" });
    expect(counted.totalTokens).toBe(31);
    const names: string[] = [];
    for await (const model of await ai.models.list()) names.push(model.name ?? "");
    expect(names).toContain(`models/${MODEL}`);
  });

  it("raises the SDK's ApiError for Google error bodies", async () => {
    fake.setBehaviour({ status: 429 });
    await expect(ai.models.generateContent({ model: MODEL, contents: "Hi" })).rejects.toMatchObject({
      status: 429,
      message: expect.stringContaining("RESOURCE_EXHAUSTED"),
    });
    const badKey = new GoogleGenAI({ apiKey: "wrong", httpOptions: { baseUrl: fake.url } });
    fake.setBehaviour({});
    await expect(badKey.models.generateContent({ model: MODEL, contents: "Hi" })).rejects.toMatchObject({ status: 401 });
  });

  it("waits before the first byte and dies mid-stream when told to", async () => {
    fake.setBehaviour({ delayMs: 150, replyText });
    const started = Date.now();
    await ai.models.generateContent({ model: MODEL, contents: "Hi" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    fake.setBehaviour({ dieAfterChunks: 1, replyText });
    const consume = async () => {
      for await (const chunk of await ai.models.generateContentStream({ model: MODEL, contents: "Hi" })) void chunk;
    };
    await expect(consume()).rejects.toThrow();
  });

  it("serves Vertex publisher paths to holders of a token it issued", async () => {
    fake.setBehaviour({ usage, replyText });
    const account = JSON.parse(fake.serviceAccountJson()) as { client_email: string; private_key: string; token_uri: string };
    const tokenResponse = await fetch(account.token_uri, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
        assertion: signedAssertion(account),
      }),
    });
    expect(tokenResponse.status).toBe(200);
    const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

    const path = `/v1/projects/${FAKE_VERTEX_PROJECT}/locations/us-central1/publishers/google/models/${MODEL}:generateContent`;
    const call = (authorization: string) =>
      fetch(`${fake.url}${path}`, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: "Hi" }] }] }),
      });
    const answer = (await (await call(`Bearer ${token}`)).json()) as { usageMetadata: unknown };
    expect(answer.usageMetadata).toMatchObject({ promptTokenCount: 31, candidatesTokenCount: 7, trafficType: "ON_DEMAND" });
    expect((await call("Bearer made-up")).status).toBe(401);
  });

  it("refuses a token request signed with the wrong key", async () => {
    const account = JSON.parse(fake.serviceAccountJson()) as { client_email: string; private_key: string; token_uri: string };
    const { generateKeyPairSync } = await import("node:crypto");
    const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const response = await fetch(account.token_uri, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
        assertion: signedAssertion({ ...account, private_key: otherKey }),
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_grant", error_description: "Invalid JWT Signature." });
  });

  it("the gateway's Gemini stream error event makes @google/genai throw ApiError", async () => {
    const first = new TextEncoder().encode(
      `data: ${JSON.stringify({ candidates: [{ content: { parts: [{ text: "Hel" }], role: "model" }, index: 0 }] })}\r\n\r\n`,
    );
    const scripted = await startScriptedStream("text/event-stream", [first, geminiStreamErrorEvent("upstream died")]);
    try {
      const client = new GoogleGenAI({ apiKey: "any", httpOptions: { baseUrl: scripted.url } });
      let text = "";
      const consume = async () => {
        for await (const chunk of await client.models.generateContentStream({ model: MODEL, contents: "Hi" })) text += chunk.text ?? "";
      };
      // Like Google's own failing streams: a bare error body, which the SDK raises.
      await expect(consume()).rejects.toMatchObject({ name: "ApiError", status: 500, message: expect.stringContaining("upstream died") });
      expect(text).toBe("Hel");
    } finally {
      scripted.server.close();
    }
  });
});

describe("fake Bedrock with @aws-sdk/client-bedrock-runtime", () => {
  const credentials = { accessKeyId: "AKIAFAKEFAKEFAKE", secretAccessKey: "fake/secret+key" };
  // The Bedrock runtime client speaks HTTP/2 by default; plain node:http servers need HTTP/1.1.
  const bedrockClient = (settings: { endpoint: string; region: string; credentials: typeof credentials }) =>
    new BedrockRuntimeClient({ ...settings, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
  let fake: FakeServer;
  let client: BedrockRuntimeClient;

  beforeAll(async () => {
    fake = await startFakeBedrock({ ...credentials, region: "eu-west-1" });
    client = bedrockClient({ endpoint: fake.url, region: "eu-west-1", credentials });
  });
  afterAll(() => {
    client.destroy();
    return fake.close();
  });
  afterEach(() => fake.setBehaviour({}));

  const messages = [{ role: "user" as const, content: [{ text: "Capital of France?" }] }];

  it("answers converse with the SDK's signature verified", async () => {
    fake.setBehaviour({ usage: { ...usage, cacheReadTokens: 5 }, replyText });
    const response = await client.send(new ConverseCommand({ modelId: CLAUDE, messages, inferenceConfig: { maxTokens: 64 } }));
    expect(response.output?.message?.content?.[0]?.text).toBe(replyText);
    expect(response.usage).toMatchObject({ inputTokens: 31, outputTokens: 7, cacheReadInputTokens: 5 });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe(`/model/${encodeURIComponent(CLAUDE)}/converse`);
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAFAKEFAKEFAKE\/\d{8}\/eu-west-1\/bedrock\/aws4_request/);
  });

  it("streams converse-stream as an AWS event stream", async () => {
    fake.setBehaviour({ usage, replyText });
    const response = await client.send(new ConverseStreamCommand({ modelId: CLAUDE, messages }));
    let text = "";
    const kinds: string[] = [];
    let metadataUsage: unknown;
    for await (const event of response.stream!) {
      kinds.push(Object.keys(event).find((key) => (event as unknown as Record<string, unknown>)[key] !== undefined)!);
      text += event.contentBlockDelta?.delta?.text ?? "";
      if (event.metadata) metadataUsage = event.metadata.usage;
    }
    expect(text).toBe(replyText);
    expect(kinds[0]).toBe("messageStart");
    expect(kinds.slice(-3)).toEqual(["contentBlockStop", "messageStop", "metadata"]);
    expect(metadataUsage).toMatchObject({ inputTokens: 31, outputTokens: 7 });
  });

  it("answers invoke with an Anthropic message and streams invoke-with-response-stream", async () => {
    fake.setBehaviour({ usage, replyText });
    const body = JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 64, messages: [{ role: "user", content: "Hi" }] });
    const invoked = await client.send(new InvokeModelCommand({ modelId: CLAUDE, body, contentType: "application/json" }));
    const message = JSON.parse(new TextDecoder().decode(invoked.body)) as { usage: unknown; content: Array<{ text: string }> };
    expect(message.content[0]!.text).toBe(replyText);
    expect(message.usage).toMatchObject({ input_tokens: 31, output_tokens: 7 });

    const streamed = await client.send(new InvokeModelWithResponseStreamCommand({ modelId: CLAUDE, body, contentType: "application/json" }));
    const events: Array<Record<string, unknown>> = [];
    for await (const event of streamed.body!) {
      if (event.chunk?.bytes) events.push(JSON.parse(new TextDecoder().decode(event.chunk.bytes)) as Record<string, unknown>);
    }
    const text = events.map((event) => (event.delta as { text?: string } | undefined)?.text ?? "").join("");
    expect(text).toBe(replyText);
    expect(events.at(-1)).toMatchObject({
      type: "message_stop",
      "amazon-bedrock-invocationMetrics": { inputTokenCount: 31, outputTokenCount: 7 },
    });
  });

  it("raises the SDK's own exception classes for Bedrock error bodies", async () => {
    fake.setBehaviour({ status: 429 });
    await expect(client.send(new ConverseCommand({ modelId: CLAUDE, messages }))).rejects.toMatchObject({
      name: "ThrottlingException",
      $metadata: { httpStatusCode: 429 },
    });
    fake.setBehaviour({ status: 400, errorMessage: "messages: field required" });
    await expect(client.send(new ConverseCommand({ modelId: CLAUDE, messages }))).rejects.toMatchObject({
      name: "ValidationException",
      message: "messages: field required",
    });
  });

  it("refuses a wrong secret and a wrong region", async () => {
    const wrongSecret = bedrockClient({
      endpoint: fake.url,
      region: "eu-west-1",
      credentials: { ...credentials, secretAccessKey: "not-the-secret" },
    });
    await expect(wrongSecret.send(new ConverseCommand({ modelId: CLAUDE, messages }))).rejects.toMatchObject({
      name: "InvalidSignatureException",
    });
    const wrongRegion = bedrockClient({ endpoint: fake.url, region: "us-west-2", credentials });
    await expect(wrongRegion.send(new ConverseCommand({ modelId: CLAUDE, messages }))).rejects.toMatchObject({
      name: "InvalidSignatureException",
    });
    wrongSecret.destroy();
    wrongRegion.destroy();
  });

  it("dies mid-stream when told to", async () => {
    fake.setBehaviour({ dieAfterChunks: 2, replyText });
    const response = await client.send(new ConverseStreamCommand({ modelId: CLAUDE, messages }));
    const consume = async () => {
      for await (const event of response.stream!) void event;
    };
    await expect(consume()).rejects.toThrow();
  });

  it("the gateway's Bedrock stream error event makes the SDK throw InternalServerException", async () => {
    const scripted = await startScriptedStream("application/vnd.amazon.eventstream", [
      encodeJsonEvent("messageStart", { role: "assistant" }),
      encodeJsonEvent("contentBlockDelta", { contentBlockIndex: 0, delta: { text: "Hel" } }),
      bedrockStreamErrorEvent("upstream connection lost"),
    ]);
    const scriptedClient = bedrockClient({ endpoint: scripted.url, region: "us-east-1", credentials });
    try {
      const response = await scriptedClient.send(new ConverseStreamCommand({ modelId: CLAUDE, messages }));
      let text = "";
      const consume = async () => {
        for await (const event of response.stream!) text += event.contentBlockDelta?.delta?.text ?? "";
      };
      await expect(consume()).rejects.toMatchObject({ name: "InternalServerException", message: "upstream connection lost" });
      expect(text).toBe("Hel");
    } finally {
      scriptedClient.destroy();
      scripted.server.close();
    }
  });
});
