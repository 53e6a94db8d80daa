// The first slice end to end: the official openai SDK talks to the gateway,
// which forwards to a fake OpenAI-compatible upstream with the provider's
// credential, and one usage row is written per request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import OpenAI from "openai";
import { useTestDatabase } from "../helpers/test-database";
import { flushUsage, startTestGateway, type TestGateway } from "../helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";

useTestDatabase();

const UPSTREAM_KEY = "sk-upstream-secret";
let gateway: TestGateway;
let upstream: FakeServer;
let gatewayKey: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  upstream = await startFakeOpenAI({ apiKey: UPSTREAM_KEY, behaviour: { usage: { inputTokens: 12, outputTokens: 7 } } });
  expect((await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" })).status).toBe(200);
  const provider = await gateway.api("POST", "/api/v1/providers", {
    slug: "local",
    type: "openai-compatible",
    baseUrl: upstream.url,
    apiKey: UPSTREAM_KEY,
    prices: [{ model: "gpt-4o-mini", inputPerMillion: 1, outputPerMillion: 2 }],
  });
  expect(provider.status).toBe(201);
  expect(JSON.stringify(provider.body)).not.toContain(UPSTREAM_KEY);
  const key = await gateway.api("POST", "/api/v1/keys", { name: "slice", kind: "project" });
  expect(key.status).toBe(201);
  gatewayKey = key.body.secret;
});

afterAll(async () => {
  await upstream?.close();
  await gateway?.close();
});

describe("proxy slice with the openai SDK", () => {
  it("answers a JSON chat completion and meters it", async () => {
    const client = new OpenAI({ baseURL: `${gateway.proxyUrl}/local`, apiKey: gatewayKey });
    const { data: completion, response } = await client.chat.completions
      .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] })
      .withResponse();
    expect(completion.choices[0].message.content).toContain("Hello");
    expect(response.headers.get("x-gateway-provider")).toBe("local");
    expect(response.headers.get("x-gateway-request-id")).toBeTruthy();
    // 12 input tokens at $1/M + 7 output at $2/M = $0.000026
    expect(response.headers.get("x-gateway-cost-usd")).toBe("0.000026");

    const received = upstream.requests.at(-1)!;
    expect(received.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
    expect(JSON.stringify(received.headers)).not.toContain(gatewayKey);
  });

  it("streams chunk by chunk, hides the injected usage chunk, and meters the stream", async () => {
    const client = new OpenAI({ baseURL: `${gateway.proxyUrl}/local`, apiKey: gatewayKey });
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Hi" }],
      stream: true,
    });
    let text = "";
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      expect(chunk.choices.length).toBeGreaterThan(0);
      text += chunk.choices[0]?.delta?.content ?? "";
    }
    expect(chunks).toBeGreaterThan(2);
    expect(text).toBe("Hello from the fake upstream!");
    expect((upstream.requests.at(-1)!.json as { stream_options?: unknown }).stream_options).toEqual({ include_usage: true });

    await flushUsage();
    const usage = await gateway.api("GET", "/api/v1/usage?limit=10");
    expect(usage.status).toBe(200);
    const streamed = usage.body.items[0];
    expect(streamed).toMatchObject({ provider: "local", route: "local", model: "gpt-4o-mini", status: 200, inputTokens: 12, outputTokens: 7 });
    expect(streamed.costUsd).toBeCloseTo(0.000026, 9);
  });

  it("refuses a bad key with 401 in the OpenAI error shape, and forwards nothing", async () => {
    const before = upstream.requests.length;
    const client = new OpenAI({ baseURL: `${gateway.proxyUrl}/local`, apiKey: "gw_not-a-real-key", maxRetries: 0 });
    const error = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] }).catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.code).toBe("invalid_api_key");
    expect(upstream.requests.length).toBe(before);
  });

  it("lists each route's models at GET /proxy/models", async () => {
    await gateway.api("POST", "/api/v1/routing-groups", { slug: "pool", members: [{ provider: "local", priority: 0, weight: 1 }] });
    const response = await fetch(`${gateway.proxyUrl}/models`, { headers: { authorization: `Bearer ${gatewayKey}` } });
    expect(response.status).toBe(200);
    const body = await response.json();
    const local = body.routes.find((route: { route: string }) => route.route === "local");
    expect(local.models).toEqual(expect.arrayContaining(["gpt-4o-mini", "gpt-4.1"]));
    expect(body.routes.find((route: { route: string }) => route.route === "pool").kind).toBe("group");
    expect(body.data.some((model: { id: string; route: string }) => model.id === "gpt-4o-mini" && model.route === "local")).toBe(true);
    const unauthorized = await fetch(`${gateway.proxyUrl}/models`, { headers: { authorization: "Bearer gw_wrong" } });
    expect(unauthorized.status).toBe(401);
  });

  it("writes one usage row per request", async () => {
    await flushUsage();
    const usage = await gateway.api("GET", "/api/v1/usage?limit=50");
    // Two chat requests and the models listing with a valid key; the bad-key requests have no key to attribute them to.
    expect(usage.body.items).toHaveLength(3);
  });
});
