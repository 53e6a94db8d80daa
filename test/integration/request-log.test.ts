// The request log's detail (GET /api/v1/usage/{id}) for real proxied requests:
// a failover records each member tried and why the gateway moved on; a request
// served at once and a refused one need no stored log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import OpenAI from "openai";
import { useTestDatabase } from "../helpers/test-database";
import { flushUsage, startTestGateway, type TestGateway } from "../helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";

useTestDatabase();

let gateway: TestGateway;
let failing: FakeServer;
let healthy: FakeServer;
let secret: string;

beforeAll(async () => {
  failing = await startFakeOpenAI();
  healthy = await startFakeOpenAI();
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  for (const [slug, server] of [["flaky", failing], ["steady", healthy]] as const) {
    expect((await gateway.api("POST", "/api/v1/providers", { slug, type: "openai", baseUrl: server.url, apiKey: `sk-${slug}` })).status).toBe(201);
  }
  expect(
    (
      await gateway.api("POST", "/api/v1/routing-groups", {
        slug: "main",
        members: [
          { provider: "flaky", priority: 10, weight: 1 },
          { provider: "steady", priority: 0, weight: 1 },
        ],
      })
    ).status,
  ).toBe(201);
  secret = (await gateway.api("POST", "/api/v1/keys", { name: "log", kind: "project" })).body.secret;
});

afterAll(async () => {
  await failing?.close();
  await healthy?.close();
  await gateway?.close();
});

async function chat(route: string) {
  const client = new OpenAI({ baseURL: `${gateway.proxyUrl}/${route}`, apiKey: secret, maxRetries: 0 });
  const { response } = await client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] }).withResponse();
  await flushUsage();
  return response.headers.get("x-gateway-request-id")!;
}

describe("request detail of proxied requests", () => {
  it("lists both members of a failover, with the status that made the gateway move on", async () => {
    failing.setBehaviour({ status: 503 });
    const requestId = await chat("main");
    const detail = await gateway.api("GET", `/api/v1/usage/${requestId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.item).toMatchObject({ id: requestId, route: "main", provider: "steady", status: 200, attempts: 2 });
    expect(detail.body.attemptLog).toMatchObject([
      { provider: "flaky", type: "openai", status: 503, failure: { reason: "503", message: "status 503" } },
      { provider: "steady", type: "openai", status: 200, failure: null },
    ]);
    expect(detail.body.keyName).toBe("log");
    // The search finds it by its id, and by its trace id.
    const byId = await gateway.api("GET", `/api/v1/usage?search=${requestId}`);
    expect(byId.body.items.map((item: { id: string }) => item.id)).toEqual([requestId]);
    const byTrace = await gateway.api("GET", `/api/v1/usage?search=${detail.body.item.traceId}`);
    expect(byTrace.body.items.map((item: { id: string }) => item.id)).toEqual([requestId]);
  });

  it("describes a request served at once from its row, without a stored log", async () => {
    failing.setBehaviour({});
    const requestId = await chat("steady");
    const { db } = await import("@/lib/db");
    expect((await db.usageRecord.findUniqueOrThrow({ where: { id: requestId }, select: { attemptLog: true } })).attemptLog).toBeNull();
    const detail = await gateway.api("GET", `/api/v1/usage/${requestId}`);
    expect(detail.body.attemptLog).toMatchObject([{ provider: "steady", status: 200, failure: null }]);
  });

  it("answers 404 for an id that is not in the log, and 400 for a bad filter", async () => {
    expect((await gateway.api("GET", "/api/v1/usage/not-a-request")).status).toBe(404);
    const bad = await gateway.api("GET", "/api/v1/usage?status=teapot");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("status must be one of success, error, 4xx, 5xx");
  });
});
