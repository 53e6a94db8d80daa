// The management API's contract (SPEC §3): health and OpenAPI, management
// tokens, 400 with zod issues for bad bodies, 404 for unknown ids, 403 for
// members on admin routes, and no secrets or other members' data in answers.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/gateway";

useTestDatabase();

// Dashboard sessions are next-auth cookies; here a test decides who is signed in.
let signedInUserId: string | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => signedInUserId }));

let gateway: TestGateway;
let memberId: string;
let otherMemberId: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  memberId = (await gateway.api("POST", "/api/v1/members", { email: "member@example.com", password: "long-enough-1", role: "member" })).body.id;
  otherMemberId = (await gateway.api("POST", "/api/v1/members", { email: "other@example.com", password: "long-enough-2", role: "member" })).body.id;
});

afterAll(async () => {
  await gateway?.close();
});

async function signInAs(membershipId: string) {
  const { db } = await import("@/lib/db");
  const membership = await db.membership.findUniqueOrThrow({ where: { id: membershipId } });
  signedInUserId = membership.userId;
}

describe("system endpoints", () => {
  it("answers health without authentication", async () => {
    expect(await gateway.api("GET", "/api/v1/health", undefined, { token: null })).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("documents every route in the OpenAPI document", async () => {
    const { body } = await gateway.api("GET", "/api/v1/openapi.json", undefined, { token: null });
    expect(body.openapi).toBe("3.1.0");
    for (const path of [
      "/api/v1/providers/{slug}",
      "/api/v1/routing-groups",
      "/api/v1/keys/{id}/reveal",
      "/api/v1/members/{id}",
      "/api/v1/balance/credits",
      "/api/v1/balance/adjustments",
      "/api/v1/usage",
      "/api/v1/spending",
      "/api/v1/gateway/setup",
      "/api/v1/management-tokens",
    ]) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    expect(body.paths["/api/v1/keys"].post.requestBody.content["application/json"].schema.properties.limits).toBeDefined();
  });

  it("refuses a request without credentials", async () => {
    const answer = await gateway.api("GET", "/api/v1/keys", undefined, { token: null });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe("unauthorized");
  });
});

describe("management tokens", () => {
  it("work as admin bearer tokens until revoked, and are shown once", async () => {
    const created = await gateway.api("POST", "/api/v1/management-tokens", { name: "ci" });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^gwm_/);
    const listed = await gateway.api("GET", "/api/v1/management-tokens");
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect((await gateway.api("GET", "/api/v1/providers", undefined, { token: created.body.secret })).status).toBe(200);
    await gateway.api("DELETE", `/api/v1/management-tokens/${created.body.id}`);
    expect((await gateway.api("GET", "/api/v1/providers", undefined, { token: created.body.secret })).status).toBe(401);
  });
});

describe("validation", () => {
  it.each([
    ["/api/v1/providers", { slug: "Bad Slug!", type: "openai", apiKey: "x" }],
    ["/api/v1/providers", { slug: "ok", type: "not-a-type" }],
    ["/api/v1/providers", { slug: "needs-key", type: "openai" }],
    ["/api/v1/providers", { slug: "needs-url", type: "openai-compatible", apiKey: "x" }],
    ["/api/v1/keys", { name: "" }],
    ["/api/v1/keys", { name: "k", limits: { daily: -1 } }],
    ["/api/v1/keys", { name: "k", expiresAt: "tomorrow" }],
    ["/api/v1/routing-groups", { slug: "g", members: [] }],
    ["/api/v1/routing-groups", { slug: "g", members: [{ provider: "ghost", priority: 0, weight: 1 }] }],
    ["/api/v1/members", { email: "not-an-email", role: "member" }],
    ["/api/v1/balance/credits", { amountUsd: 0 }],
    ["/api/v1/balance/adjustments", { amountUsd: 0, reason: "x" }],
    ["/api/v1/balance/adjustments", { amountUsd: 5 }],
    ["/api/v1/projects", {}],
  ])("POST %s answers 400 for %j", async (path, body) => {
    const answer = await gateway.api("POST", path, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBeTruthy();
  });

  it("includes the zod issues", async () => {
    const answer = await gateway.api("POST", "/api/v1/keys", { name: "k", limits: { daily: "five" } });
    expect(answer.body.error.issues[0].path).toEqual(["limits", "daily"]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    expect((await gateway.api("POST", "/api/v1/projects", "{oops")).status).toBe(400);
  });

  it("answers 404 for unknown ids", async () => {
    expect((await gateway.api("GET", "/api/v1/keys/nope")).status).toBe(404);
    expect((await gateway.api("GET", "/api/v1/providers/nope")).status).toBe(404);
    expect((await gateway.api("PATCH", "/api/v1/routing-groups/nope", { name: "x" })).status).toBe(404);
    expect((await gateway.api("PATCH", "/api/v1/members/nope", { role: "admin" })).status).toBe(404);
  });
});

describe("secrets", () => {
  it("never answers provider credentials", async () => {
    await gateway.api("POST", "/api/v1/providers", { slug: "secretive", type: "openai", apiKey: "sk-very-secret-value" });
    for (const path of ["/api/v1/providers", "/api/v1/providers/secretive"]) {
      expect(JSON.stringify((await gateway.api("GET", path)).body)).not.toContain("sk-very-secret-value");
    }
  });

  it("answers a key's secret only at creation and through reveal", async () => {
    const created = await gateway.api("POST", "/api/v1/keys", { name: "shown-once", kind: "project" });
    expect(JSON.stringify((await gateway.api("GET", "/api/v1/keys")).body)).not.toContain(created.body.secret);
    expect(JSON.stringify((await gateway.api("GET", `/api/v1/keys/${created.body.id}`)).body)).not.toContain(created.body.secret);
    expect((await gateway.api("POST", `/api/v1/keys/${created.body.id}/reveal`)).body.secret).toBe(created.body.secret);
  });
});

describe("members", () => {
  const asMember = { token: null };

  it("get 403 from every admin-only operation of the OpenAPI document", async () => {
    await signInAs(memberId);
    const { allOperations } = await import("@/lib/api/all-operations");
    const adminOperations = allOperations.filter((operation) => operation.admin);
    expect(adminOperations.length).toBeGreaterThan(20);
    for (const operation of adminOperations) {
      const path = operation.path.replace(/\{\w+\}/g, "some-id");
      const answer = await gateway.api(operation.method, path, operation.body ? {} : undefined, asMember);
      expect(answer.status, `${operation.method} ${operation.path}`).toBe(403);
    }
  });

  it("manage only their own personal keys", async () => {
    await signInAs(otherMemberId);
    const othersKey = await gateway.api("POST", "/api/v1/keys", { name: "other's", kind: "personal" }, asMember);
    expect(othersKey.status).toBe(201);

    await signInAs(memberId);
    const own = await gateway.api("POST", "/api/v1/keys", { name: "mine", kind: "personal" }, asMember);
    expect(own.status).toBe(201);
    expect((await gateway.api("POST", "/api/v1/keys", { name: "theirs", kind: "personal", owner: otherMemberId }, asMember)).status).toBe(403);

    const listed = await gateway.api("GET", "/api/v1/keys", undefined, asMember);
    expect(listed.body.map((key: { id: string }) => key.id)).toEqual([own.body.id]);
    expect((await gateway.api("GET", `/api/v1/keys/${othersKey.body.id}`, undefined, asMember)).status).toBe(404);
    expect((await gateway.api("POST", `/api/v1/keys/${othersKey.body.id}/reveal`, undefined, asMember)).status).toBe(404);
    expect((await gateway.api("DELETE", `/api/v1/keys/${othersKey.body.id}`, undefined, asMember)).status).toBe(404);
    expect((await gateway.api("POST", `/api/v1/keys/${own.body.id}/reveal`, undefined, asMember)).body.secret).toBe(own.body.secret);
    expect((await gateway.api("PATCH", `/api/v1/keys/${own.body.id}`, { limits: { daily: 2 } }, asMember)).status).toBe(200);

    const members = await gateway.api("GET", "/api/v1/members", undefined, asMember);
    expect(members.body.map((member: { id: string }) => member.id)).toEqual([memberId]);
  });

  it("see only their own usage and spending", async () => {
    const { startFakeOpenAI } = await import("../fakes/openai-upstream");
    const { flushUsage } = await import("../helpers/gateway");
    const upstream = await startFakeOpenAI();
    try {
      await gateway.api("POST", "/api/v1/providers", {
        slug: "metered",
        type: "openai",
        baseUrl: upstream.url,
        apiKey: "sk-1",
        prices: [{ model: "gpt-4o-mini", inputPerMillion: 1, outputPerMillion: 1 }],
      });
      await signInAs(otherMemberId);
      const othersKey = await gateway.api("POST", "/api/v1/keys", { name: "other's traffic", kind: "personal" }, asMember);
      const response = await fetch(`${gateway.proxyUrl}/metered/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${othersKey.body.secret}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] }),
      });
      expect(response.status).toBe(200);
      await flushUsage();

      expect((await gateway.api("GET", "/api/v1/usage", undefined, asMember)).body.items).toHaveLength(1);
      await signInAs(memberId);
      expect((await gateway.api("GET", "/api/v1/usage", undefined, asMember)).body.items).toHaveLength(0);
      expect((await gateway.api("GET", `/api/v1/usage?key=${othersKey.body.id}`, undefined, asMember)).body.items).toHaveLength(0);
      const spending = await gateway.api("GET", "/api/v1/spending?groupBy=member", undefined, asMember);
      expect(spending.body.totalUsd).toBe(0);
      expect(JSON.stringify(spending.body)).not.toContain("other@example.com");
      const adminView = await gateway.api("GET", "/api/v1/spending?groupBy=member");
      expect(adminView.body.totalUsd).toBeGreaterThan(0);
    } finally {
      await upstream.close();
    }
  });
});
