import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";

const ADMIN_TOKEN = "admin-token-for-the-setup-tests";
process.env.GATEWAY_ADMIN_TOKEN = ADMIN_TOKEN;
process.env.GATEWAY_PUBLIC_URL = "https://gateway.example.com/";
useTestDatabase();
const { db } = await import("@/lib/db");
const { POST: setupRoute } = await import("@/app/api/v1/gateway/setup/route");
const { GET: gatewayRoute } = await import("@/app/api/v1/gateway/route");
const { getGatewayStatus } = await import("./gateway-settings");

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

  it("says plainly that recommended setup is not there yet", async () => {
    const response = await setup({ mode: "recommended" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe("Recommended setup is not available yet");
  });
});
