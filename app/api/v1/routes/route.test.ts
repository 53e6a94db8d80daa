// GET /api/v1/routes: members may call it; it lists enabled providers and
// groups with known models (listed by the upstream, else suggestions when the
// upstream is slow or unreachable) and never any credential.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import { startTestGateway, type TestGateway } from "@/test/helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "@/test/fakes/openai-upstream";
import { startFakeAnthropic } from "@/test/fakes/anthropic-upstream";

useTestDatabase();

let signedInUserId: string | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => signedInUserId }));

const OPENAI_SECRET = "sk-openai-upstream-secret-value";
const ANTHROPIC_SECRET = "sk-ant-upstream-secret-value";

let gateway: TestGateway;
let openai: FakeServer;
let slowAnthropic: FakeServer;

beforeAll(async () => {
  gateway = await startTestGateway();
  openai = await startFakeOpenAI({ apiKey: OPENAI_SECRET, behaviour: { models: ["gpt-4o-mini", "gpt-4.1"] } });
  slowAnthropic = await startFakeAnthropic({ apiKey: ANTHROPIC_SECRET, behaviour: { delayMs: 4_000 } });
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  const created = await Promise.all([
    gateway.api("POST", "/api/v1/providers", { slug: "fast-openai", type: "openai", baseUrl: openai.url, apiKey: OPENAI_SECRET }),
    gateway.api("POST", "/api/v1/providers", { slug: "slow-claude", type: "anthropic", baseUrl: slowAnthropic.url, apiKey: ANTHROPIC_SECRET }),
    gateway.api("POST", "/api/v1/providers", { slug: "switched-off", type: "openai", baseUrl: openai.url, apiKey: OPENAI_SECRET, enabled: false }),
  ]);
  for (const answer of created) expect(answer.status).toBe(201);
  // The API now refuses groups that mix wire formats; one made before that rule is written directly.
  const { db } = await import("@/lib/db");
  const organizationId = (await db.provider.findFirstOrThrow({ where: { slug: "fast-openai" } })).organizationId;
  const providerIds = Object.fromEntries((await db.provider.findMany({ where: { organizationId }, select: { slug: true, id: true } })).map((row) => [row.slug, row.id]));
  await db.routingGroup.create({
    data: {
      organizationId,
      slug: "mixed",
      members: {
        create: [
          { providerId: providerIds["fast-openai"], priority: 1, weight: 1, position: 0 },
          { providerId: providerIds["slow-claude"], priority: 0, weight: 1, position: 1 },
        ],
      },
    },
  });
  const { bumpConfigEpoch } = await import("@/lib/cache/config-epoch");
  await bumpConfigEpoch();
  const member = await gateway.api("POST", "/api/v1/members", { email: "routes-member@example.com", password: "long-enough-1", role: "member" });
  signedInUserId = (await db.membership.findUniqueOrThrow({ where: { id: member.body.id } })).userId;
});

afterAll(async () => {
  await Promise.all([gateway?.close(), openai?.close(), slowAnthropic?.close()]);
});

describe("GET /api/v1/routes", () => {
  it("lists routes with models for a member, without credentials", async () => {
    const startedAt = Date.now();
    const answer = await gateway.api("GET", "/api/v1/routes", undefined, { token: null });
    expect(answer.status).toBe(200);
    // The slow upstream's model list is abandoned after the timeout, not awaited.
    expect(Date.now() - startedAt).toBeLessThan(3_500);

    const bySlug = Object.fromEntries(answer.body.map((route: { slug: string }) => [route.slug, route]));
    expect(Object.keys(bySlug)).toEqual(["fast-openai", "slow-claude", "mixed"]);
    expect(bySlug["fast-openai"]).toEqual({
      slug: "fast-openai",
      name: "fast-openai",
      kind: "provider",
      type: "openai",
      providerTypes: ["openai"],
      models: ["gpt-4.1", "gpt-4o-mini"],
      modelsSource: "provider",
    });
    expect(bySlug["slow-claude"]).toMatchObject({ kind: "provider", type: "anthropic", modelsSource: "suggested" });
    expect(bySlug["slow-claude"].models).toContain("claude-sonnet-4-5");
    expect(bySlug.mixed).toMatchObject({ kind: "group", type: null, providerTypes: ["openai", "anthropic"], modelsSource: "provider" });
    expect(bySlug.mixed.models).toEqual(expect.arrayContaining(["gpt-4o-mini", "claude-sonnet-4-5"]));

    const text = JSON.stringify(answer.body);
    for (const secret of [OPENAI_SECRET, ANTHROPIC_SECRET, openai.url, slowAnthropic.url]) expect(text).not.toContain(secret);
  });

  it("is documented as an operation members may call", async () => {
    const { listRoutesOperation } = await import("@/lib/routes/operations");
    expect(listRoutesOperation).toMatchObject({ method: "GET", path: "/api/v1/routes" });
    expect(listRoutesOperation.admin).toBeUndefined();
  });
});
