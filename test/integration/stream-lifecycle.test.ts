// Streams that end badly still get metered: a client that disconnects
// mid-stream aborts the upstream call and leaves a usage record; a proxy
// process stopped with SIGTERM mid-stream finishes the stream and loses no record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import OpenAI from "openai";
import { useTestDatabase } from "../helpers/test-database";
import { flushUsage, startTestGateway, type TestGateway } from "../helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";
import { startProxyProcess } from "../helpers/proxy-process";

useTestDatabase();

let gateway: TestGateway;
let upstream: FakeServer;
let secret: string;
let keyId: string;

beforeAll(async () => {
  upstream = await startFakeOpenAI({ behaviour: { chunkIntervalMs: 60, replyText: "one two three four five six seven eight nine ten eleven twelve" } });
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  await gateway.api("POST", "/api/v1/providers", {
    slug: "slow",
    type: "openai",
    baseUrl: upstream.url,
    apiKey: "sk-1",
    prices: [{ model: "gpt-4o-mini", inputPerMillion: 1, outputPerMillion: 1 }],
  });
  const key = await gateway.api("POST", "/api/v1/keys", { name: "streams", kind: "project" });
  secret = key.body.secret;
  keyId = key.body.id;
});

afterAll(async () => {
  await upstream?.close();
  await gateway?.close();
});

async function usageItems() {
  await flushUsage();
  return (await gateway.api("GET", `/api/v1/usage?key=${keyId}&limit=100`)).body.items;
}

describe("client disconnect", () => {
  it("aborts the upstream call and still records usage, estimated when the upstream sent none", async () => {
    const client = new OpenAI({ baseURL: `${gateway.proxyUrl}/slow`, apiKey: secret, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Count" }], stream: true });
    let received = 0;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta?.content) received++;
      if (received === 2) break; // leaving the loop aborts the HTTP request
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(upstream.requests.at(-1)!.clientDisconnected).toBe(true);
    const record = (await usageItems())[0];
    expect(record).toMatchObject({ status: 200, error: "client_aborted", provider: "slow" });
    expect(record.outputTokens).toBeGreaterThan(0);
    expect(record.costUsd).toBeGreaterThan(0);
  });
});

describe("SIGTERM", () => {
  it("lets an in-flight stream finish and writes its usage record before exiting", async () => {
    const proxy = await startProxyProcess();
    try {
      const before = (await usageItems()).length;

      const response = await fetch(`${proxy.proxyUrl}/slow/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Count" }], stream: true }),
      });
      const reader = response.body!.getReader();
      await reader.read(); // the stream is flowing
      const exited = proxy.stop("SIGTERM");
      let text = "";
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      expect(text).toContain("twelve");
      expect(text).toContain("[DONE]");
      expect(await exited).toBe(0);
      const items = await usageItems();
      expect(items.length).toBe(before + 1);
      expect(items[0]).toMatchObject({ status: 200, error: null, outputTokens: 20 });
    } catch (error) {
      console.error("proxy process output:\n" + proxy.output());
      throw error;
    } finally {
      await proxy.stop("SIGKILL");
    }
  }, 60_000);
});
