// Routing groups (SPEC §2): failover on connection errors, first-byte timeouts,
// 408/409/429/5xx — only before the first byte reached the client — and weighted
// load balancing within a priority.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import OpenAI from "openai";
import { useTestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";

useTestDatabase();

let gateway: TestGateway;
let primary: FakeServer;
let secondary: FakeServer;
let secret: string;

beforeAll(async () => {
  process.env.GATEWAY_FIRST_BYTE_TIMEOUT_MS = "700";
  primary = await startFakeOpenAI();
  secondary = await startFakeOpenAI();
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  for (const [slug, server] of [["primary", primary], ["secondary", secondary]] as const) {
    expect((await gateway.api("POST", "/api/v1/providers", { slug, type: "openai", baseUrl: server.url, apiKey: `sk-${slug}` })).status).toBe(201);
  }
  // A provider whose port has nothing listening: every call is a connection error.
  expect((await gateway.api("POST", "/api/v1/providers", { slug: "dead", type: "openai", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-dead" })).status).toBe(201);
  const group = await gateway.api("POST", "/api/v1/routing-groups", {
    slug: "main",
    members: [
      { provider: "primary", priority: 10, weight: 1 },
      { provider: "secondary", priority: 0, weight: 1 },
    ],
  });
  expect(group.status).toBe(201);
  secret = (await gateway.api("POST", "/api/v1/keys", { name: "routing", kind: "project" })).body.secret;
});

afterAll(async () => {
  delete process.env.GATEWAY_FIRST_BYTE_TIMEOUT_MS;
  await primary?.close();
  await secondary?.close();
  await gateway?.close();
});

beforeEach(() => {
  primary.setBehaviour({});
  secondary.setBehaviour({});
});

function client(route = "main") {
  return new OpenAI({ baseURL: `${gateway.proxyUrl}/${route}`, apiKey: secret, maxRetries: 0 });
}

async function chatWithHeaders(route = "main") {
  return client(route).chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] }).withResponse();
}

describe("failover", () => {
  it.each([408, 409, 429, 500, 503])("moves to the next member when the first answers %i", async (status) => {
    primary.setBehaviour({ status });
    const { response } = await chatWithHeaders();
    expect(response.headers.get("x-gateway-provider")).toBe("secondary");
    expect(response.headers.get("x-gateway-attempts")).toBe("2");
  });

  it("moves on after a dropped connection", async () => {
    primary.setBehaviour({ dropConnection: true });
    const { response } = await chatWithHeaders();
    expect(response.headers.get("x-gateway-provider")).toBe("secondary");
  });

  it("moves on after the first-byte timeout", async () => {
    primary.setBehaviour({ delayMs: 2000 });
    const { response } = await chatWithHeaders();
    expect(response.headers.get("x-gateway-provider")).toBe("secondary");
  });

  it("moves on from a provider that cannot be reached", async () => {
    await gateway.api("PATCH", "/api/v1/routing-groups/main", {
      members: [
        { provider: "dead", priority: 10, weight: 1 },
        { provider: "secondary", priority: 0, weight: 1 },
      ],
    });
    try {
      const { response } = await chatWithHeaders();
      expect(response.headers.get("x-gateway-provider")).toBe("secondary");
    } finally {
      await gateway.api("PATCH", "/api/v1/routing-groups/main", {
        members: [
          { provider: "primary", priority: 10, weight: 1 },
          { provider: "secondary", priority: 0, weight: 1 },
        ],
      });
    }
  });

  it("returns a 400 as it is, without trying another member", async () => {
    primary.setBehaviour({ status: 400, errorMessage: "bad temperature" });
    const before = secondary.requests.length;
    const error = await chatWithHeaders().catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.message).toContain("bad temperature");
    expect(secondary.requests.length).toBe(before);
  });

  it("does not fail over once bytes reached the client: the stream ends with an error event", async () => {
    primary.setBehaviour({ dieAfterChunks: 2 });
    const before = secondary.requests.length;
    const stream = await client().chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }], stream: true });
    let text = "";
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    })().catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(String(error.message)).toMatch(/interrupted/i);
    expect(text.length).toBeGreaterThan(0);
    expect(secondary.requests.length).toBe(before);
  });

  it("answers 502 upstream_unavailable when every member fails to connect", async () => {
    await gateway.api("POST", "/api/v1/routing-groups", { slug: "doomed", members: [{ provider: "dead", priority: 0, weight: 1 }] });
    const error = await chatWithHeaders("doomed").catch((caught) => caught);
    expect(error.status).toBe(502);
    expect(error.code).toBe("upstream_unavailable");
  });

  it("returns the last member's own error status when every member answered with one", async () => {
    primary.setBehaviour({ status: 503 });
    secondary.setBehaviour({ status: 429 });
    const error = await chatWithHeaders().catch((caught) => caught);
    expect(error.status).toBe(429);
    expect(error.headers.get("x-gateway-error-code")).toBe("upstream_unavailable");
  });
});

describe("weighted load balancing", () => {
  it("spreads first attempts by weight within one priority", async () => {
    await gateway.api("POST", "/api/v1/routing-groups", {
      slug: "balanced",
      members: [
        { provider: "primary", priority: 0, weight: 3 },
        { provider: "secondary", priority: 0, weight: 1 },
      ],
    });
    const served: Record<string, number> = { primary: 0, secondary: 0 };
    for (let request = 0; request < 200; request++) {
      const { response } = await chatWithHeaders("balanced");
      served[response.headers.get("x-gateway-provider")!]++;
    }
    // Expected 150 / 50; binomial standard deviation ≈ 6.1, so ±30 is about five of them.
    expect(served.primary).toBeGreaterThan(120);
    expect(served.primary).toBeLessThan(180);
  });

  it("uses a weight-0 member only when the weighted ones failed", async () => {
    await gateway.api("POST", "/api/v1/routing-groups", {
      slug: "standby",
      members: [
        { provider: "primary", priority: 0, weight: 1 },
        { provider: "secondary", priority: 0, weight: 0 },
      ],
    });
    for (let request = 0; request < 10; request++) {
      expect((await chatWithHeaders("standby")).response.headers.get("x-gateway-provider")).toBe("primary");
    }
    primary.setBehaviour({ status: 500 });
    expect((await chatWithHeaders("standby")).response.headers.get("x-gateway-provider")).toBe("secondary");
  });
});
