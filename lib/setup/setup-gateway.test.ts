import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";

const ADMIN_TOKEN = "admin-token-for-the-setup-tests";
process.env.GATEWAY_ADMIN_TOKEN = ADMIN_TOKEN;
process.env.GATEWAY_PUBLIC_URL = "https://gateway.example.com/";
process.env.GATEWAY_BUILTIN_OPENAI_API_KEY = "sk-operator-openai";
process.env.GATEWAY_BUILTIN_ANTHROPIC_API_KEY = "sk-operator-anthropic";
useTestDatabase();
const { db } = await import("@/lib/db");
const { POST: setupRoute } = await import("@/app/api/v1/gateway/setup/route");
const { GET: gatewayRoute } = await import("@/app/api/v1/gateway/route");
const { getGatewayStatus } = await import("./gateway-settings");
const { lookupHash } = await import("@/lib/crypto");

const noParams = { params: Promise.resolve({}) };

function setup(body: unknown, token = ADMIN_TOKEN) {
  return setupRoute(
    new Request("http://localhost/api/v1/gateway/setup", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    noParams,
  );
}

function readGateway() {
  return gatewayRoute(new Request("http://localhost/api/v1/gateway", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }), noParams);
}

let organizationId: string;

beforeAll(async () => {
  // The admin token addresses the oldest organization, created on first use.
  await readGateway();
  organizationId = (await db.organization.findFirstOrThrow()).id;
});

describe("gateway setup API", () => {
  it("starts off, with the proxy's public base URL", async () => {
    const response = await readGateway();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      enabled: false,
      baseUrl: "https://gateway.example.com/proxy",
      baseUrlConfigured: true,
      telemetry: { enabled: false, project: null, otlpEndpoint: null, captureContent: false },
    });
    expect(await getGatewayStatus(organizationId)).toEqual({ enabled: false, setUp: false });
  });

  it("refuses a body without a valid mode with a 400 naming the field", async () => {
    const response = await setup({ mode: "automatic" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_body");
    expect(body.error.message).toContain("mode");

    expect((await setup("{not json")).status).toBe(400);
    expect((await setup({})).status).toBe(400);
  });

  it("refuses an unknown caller", async () => {
    expect((await setup({ mode: "manual" }, "wrong-token-of-some-length")).status).toBe(401);
  });

  it("manual setup turns the gateway on, audits it and bumps the config epoch", async () => {
    const epochBefore = (await db.configEpoch.findUnique({ where: { id: 1 } }))?.version ?? 0;

    const response = await setup({ mode: "manual" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ enabled: true, providers: [] });

    expect((await (await readGateway()).json()).enabled).toBe(true);
    expect(await getGatewayStatus(organizationId)).toEqual({ enabled: true, setUp: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { organizationId, action: "gateway.setup" } });
    expect(JSON.parse(audit.details!)).toEqual({ mode: "manual" });
    expect((await db.configEpoch.findUniqueOrThrow({ where: { id: 1 } })).version).toBeGreaterThan(epochBefore);
  });

  it("remembers that setup ran once the gateway is switched off again", async () => {
    await db.gatewaySettings.update({ where: { organizationId }, data: { enabled: false } });
    expect(await getGatewayStatus(organizationId)).toEqual({ enabled: false, setUp: true });
  });

  it("recommended setup refuses an unknown project with a 404 and changes nothing", async () => {
    const response = await setup({ mode: "recommended", project: "no-such-project" });
    expect(response.status).toBe(404);
    expect(await db.apiKey.count()).toBe(0);
    expect(await db.provider.count()).toBe(0);
    expect(await getGatewayStatus(organizationId)).toEqual({ enabled: false, setUp: true });
  });

  it("recommended setup enables the gateway, activates built-ins, turns telemetry on and creates a working Quick Start key", async () => {
    const response = await setup({ mode: "recommended" });
    expect(response.status).toBe(200);
    const body = await response.json();
    const organization = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });

    expect(body.enabled).toBe(true);
    expect(body.providers).toEqual([
      { slug: "openai", name: "OpenAI" },
      { slug: "anthropic", name: "Anthropic" },
    ]);
    expect(body.key).toEqual({ id: expect.any(String), name: "Quick Start", secret: expect.any(String) });
    expect(body.connectUrl).toBe(`/${organization.slug}/gateway/connect?key=${body.key.id}`);

    const key = await db.apiKey.findUniqueOrThrow({ where: { id: body.key.id }, include: { project: true } });
    expect(key).toMatchObject({ name: "Quick Start", kind: "project", organizationId, revokedAt: null });
    expect(key.project.slug).toBe("default");
    expect(key.lookupHash).toBe(lookupHash(body.key.secret));

    const providers = await db.provider.findMany({ where: { organizationId }, orderBy: { slug: "asc" } });
    expect(providers.map(({ slug, kind, enabled }) => ({ slug, kind, enabled }))).toEqual([
      { slug: "anthropic", kind: "built-in", enabled: true },
      { slug: "openai", kind: "built-in", enabled: true },
    ]);

    const gateway = await (await readGateway()).json();
    expect(gateway.enabled).toBe(true);
    expect(gateway.telemetry).toMatchObject({ enabled: true, project: "default" });
    expect(await getGatewayStatus(organizationId)).toEqual({ enabled: true, setUp: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { organizationId, action: "gateway.setup" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(audit.details!)).toMatchObject({ mode: "recommended", project: "default" });
    expect(audit.details).not.toContain(body.key.secret);
  });

  it("recommended setup uses the chosen project for telemetry and the key", async () => {
    await db.project.create({ data: { organizationId, name: "Research", slug: "research" } });
    const body = await (await setup({ mode: "recommended", project: "research" })).json();
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: body.key.id }, include: { project: true } });
    expect(key.project.slug).toBe("research");
    expect((await (await readGateway()).json()).telemetry).toMatchObject({ enabled: true, project: "research" });
    // Activating again is harmless: still one row per built-in provider.
    expect(await db.provider.count({ where: { organizationId } })).toBe(2);
  });
});
