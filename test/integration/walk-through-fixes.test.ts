// What the dashboard walk-through broke, at the API: limits in the precision
// money is stored in ($0.0005 is not rounded to 0) with errors that name the
// field; routing groups that mix wire formats are refused; organizations and
// projects can be renamed (slugs stay), projects created.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/gateway";

useTestDatabase();
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
});

afterAll(async () => {
  await gateway?.close();
});

describe("USD limits", () => {
  it("keeps a key's $0.0005 daily limit, and clears it with null", async () => {
    const created = await gateway.api("POST", "/api/v1/keys", { name: "tiny", kind: "project", limits: { daily: 0.0005 } });
    expect(created.status).toBe(201);
    const key = await gateway.api("GET", `/api/v1/keys/${created.body.id}`);
    expect(key.body.limits.daily).toBe(0.0005);
    const cleared = await gateway.api("PATCH", `/api/v1/keys/${created.body.id}`, { limits: { daily: null } });
    expect(cleared.body.limits.daily).toBeNull();
  });

  it.each([
    [{ daily: 0 }, "the daily limit must be greater than $0"],
    [{ weekly: 0.0000001 }, "the weekly limit must be at least $0.000001"],
    [{ total: "5" }, "the total limit must be a number of USD"],
  ])("refuses %j naming the field", async (limits, message) => {
    const answer = await gateway.api("POST", "/api/v1/keys", { name: "bad", kind: "project", limits });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain(message);
  });

  it("words member limits the same way", async () => {
    const member = await gateway.api("POST", "/api/v1/members", { email: "lim@example.com", password: "a long password 123", role: "member" });
    const answer = await gateway.api("PATCH", `/api/v1/members/${member.body.id}`, { limits: { monthly: -1 } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain("the monthly limit must be greater than $0");
    const kept = await gateway.api("PATCH", `/api/v1/members/${member.body.id}`, { limits: { monthly: 0.0005 } });
    expect(kept.body.limits.monthly).toBe(0.0005);
  });
});

describe("routing groups", () => {
  it("refuses members of different wire formats on create and on update, and accepts one format", async () => {
    await gateway.api("POST", "/api/v1/providers", { slug: "gpt", type: "openai", apiKey: "sk-a" });
    await gateway.api("POST", "/api/v1/providers", { slug: "fast", type: "groq", apiKey: "gsk-b" });
    await gateway.api("POST", "/api/v1/providers", { slug: "claude", type: "anthropic", apiKey: "sk-ant-c" });
    const mixed = await gateway.api("POST", "/api/v1/routing-groups", {
      slug: "mixed",
      members: [
        { provider: "gpt", priority: 1, weight: 1 },
        { provider: "claude", priority: 0, weight: 1 },
      ],
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.message).toContain("gpt (OpenAI-compatible API) and claude (Anthropic Messages API) differ");

    const same = await gateway.api("POST", "/api/v1/routing-groups", {
      slug: "chat",
      members: [
        { provider: "gpt", priority: 1, weight: 1 },
        { provider: "fast", priority: 0, weight: 1 },
      ],
    });
    expect(same.status).toBe(201);
    const update = await gateway.api("PATCH", "/api/v1/routing-groups/chat", { members: [{ provider: "gpt", priority: 1, weight: 1 }, { provider: "claude", priority: 0, weight: 1 }] });
    expect(update.status).toBe(400);
    expect((await gateway.api("GET", "/api/v1/routing-groups/chat")).body.members.map((member: { provider: string }) => member.provider)).toEqual(["gpt", "fast"]);
  });
});

describe("organization and projects", () => {
  it("renames the organization (admins only), keeping its slug", async () => {
    const before = await gateway.api("GET", "/api/v1/organization");
    const renamed = await gateway.api("PATCH", "/api/v1/organization", { name: "Acme Research" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ id: before.body.id, name: "Acme Research", slug: before.body.slug });
    const empty = await gateway.api("PATCH", "/api/v1/organization", { name: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain("Enter a name for the organization");
  });

  it("creates a project and renames it, keeping its slug", async () => {
    const created = await gateway.api("POST", "/api/v1/projects", { name: "Support bot" });
    expect(created.body.slug).toBe("support-bot");
    const renamed = await gateway.api("PATCH", "/api/v1/projects/support-bot", { name: "Helpdesk" });
    expect(renamed.body).toMatchObject({ name: "Helpdesk", slug: "support-bot" });
    expect((await gateway.api("PATCH", "/api/v1/projects/nope", { name: "x" })).status).toBe(404);
    expect((await gateway.api("PATCH", "/api/v1/projects/support-bot", { name: "" })).body.error.message).toContain("the project name is required");
  });
});
