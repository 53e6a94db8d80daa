import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import { startFakeOpenAI, type FakeServer } from "@/test/fakes/openai-upstream";

const ADMIN_TOKEN = "admin-token-for-test-connection";
const UPSTREAM_KEY = "sk-upstream-secret-for-the-fake";
process.env.GATEWAY_ADMIN_TOKEN = ADMIN_TOKEN;
useTestDatabase();
const { POST: createProviderRoute } = await import("@/app/api/v1/providers/route");
const { POST: testRoute } = await import("@/app/api/v1/providers/[slug]/test/route");

let upstream: FakeServer;

beforeAll(async () => {
  upstream = await startFakeOpenAI({ apiKey: UPSTREAM_KEY });
});

afterAll(async () => {
  await upstream.close();
});

function post(route: typeof testRoute, url: string, body: unknown, params: Record<string, string> = {}) {
  return route(
    new Request(`http://localhost${url}`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
}

async function addProvider(slug: string, fields: Record<string, unknown>) {
  const response = await post(createProviderRoute, "/api/v1/providers", { slug, type: "openai-compatible", ...fields });
  expect(response.status).toBe(201);
}

async function testConnection(slug: string, body: unknown = {}) {
  const response = await post(testRoute, `/api/v1/providers/${slug}/test`, body, { slug });
  return { status: response.status, body: await response.json() };
}

describe("POST /api/v1/providers/{slug}/test", () => {
  it("lists the models with the provider's decrypted credentials", async () => {
    await addProvider("fake", { baseUrl: upstream.url, apiKey: UPSTREAM_KEY });
    const { status, body } = await testConnection("fake");
    expect(status).toBe(200);
    expect(body).toEqual({ ok: true, method: "list-models", models: ["gpt-4.1", "gpt-4o-mini", "text-embedding-3-small"], latencyMs: expect.any(Number) });
    expect(upstream.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1/models" });
    expect(upstream.requests.at(-1)!.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);
  });

  it("falls back to a one-token request when listing fails, and reports the upstream's own message", async () => {
    await addProvider("wrong-key", { baseUrl: upstream.url, apiKey: "sk-not-the-right-one", prices: [{ model: "gpt-4o-mini", inputPerMillion: 1, outputPerMillion: 2 }] });
    const { body } = await testConnection("wrong-key");
    expect(body).toMatchObject({ ok: false, method: "request", model: "gpt-4o-mini" });
    expect(body.error).toContain("401");
    expect(body.error).toContain("API key");
    const probe = upstream.requests.at(-1)!;
    expect(probe).toMatchObject({ method: "POST", path: "/v1/chat/completions" });
    expect(probe.json).toMatchObject({ model: "gpt-4o-mini", max_tokens: 1 });
    expect(JSON.stringify(body)).not.toContain("sk-not-the-right-one");
  });

  it("when only the listing is broken: needs a model to try, then succeeds with a priced one", async () => {
    upstream.setBehaviour({ status: 500, statusCount: 1 });
    const { body } = await testConnection("fake", {});
    upstream.setBehaviour({});
    expect(body).toMatchObject({ ok: false, method: "request" });
    expect(body.error).toContain("no model to try");

    upstream.setBehaviour({ status: 500, statusCount: 1 });
    await addProvider("priced", { baseUrl: upstream.url, apiKey: UPSTREAM_KEY, prices: [{ model: "gpt-4.1", inputPerMillion: 2, outputPerMillion: 8 }] });
    const priced = await testConnection("priced");
    upstream.setBehaviour({});
    expect(priced.body).toMatchObject({ ok: true, method: "request", model: "gpt-4.1" });
  });

  it("tries the model given instead of listing", async () => {
    const { body } = await testConnection("fake", { model: "my-model" });
    expect(body).toMatchObject({ ok: true, method: "request", model: "my-model" });
    expect(upstream.requests.at(-1)!.json).toMatchObject({ model: "my-model" });
  });

  it("leaves content-length to fetch, which refuses one set by the caller (OpenAI-type providers)", async () => {
    await addProvider("openai-type", { type: "openai", baseUrl: `${upstream.url}`, apiKey: UPSTREAM_KEY });
    const spy = vi.spyOn(globalThis, "fetch");
    try {
      const { body } = await testConnection("openai-type", { model: "gpt-4o-mini" });
      expect(body).toMatchObject({ ok: true, method: "request", model: "gpt-4o-mini" });
      const init = spy.mock.calls.at(-1)![1]!;
      expect(new Headers(init.headers).has("content-length")).toBe(false);
    } finally {
      spy.mockRestore();
    }
    expect(upstream.requests.at(-1)!.headers["content-length"]).toBe(String(Buffer.byteLength(upstream.requests.at(-1)!.body)));
  });

  it("says when the provider cannot be reached", async () => {
    await addProvider("nowhere", { baseUrl: "http://127.0.0.1:9/v1", prices: [{ model: "m", inputPerMillion: 1, outputPerMillion: 1 }] });
    const { body } = await testConnection("nowhere");
    expect(body.ok).toBe(false);
    expect(body.error).toMatch(/^Could not reach the provider/);
  });

  it("answers 404 for an unknown provider and 400 for unknown fields", async () => {
    expect((await testConnection("missing")).status).toBe(404);
    expect((await testConnection("fake", { apiKey: "x" })).status).toBe(400);
  });
});
