import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";

const ADMIN_TOKEN = "admin-token-for-the-patch-tests";
process.env.GATEWAY_ADMIN_TOKEN = ADMIN_TOKEN;
useTestDatabase();
const { db } = await import("@/lib/db");
const { decryptJson } = await import("@/lib/crypto");
const { GET, PATCH } = await import("@/app/api/v1/gateway/route");

const noParams = { params: Promise.resolve({}) };
const authorization = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function patch(body: unknown) {
  const response = await PATCH(
    new Request("http://localhost/api/v1/gateway", { method: "PATCH", headers: { ...authorization, "content-type": "application/json" }, body: JSON.stringify(body) }),
    noParams,
  );
  return { status: response.status, body: await response.json() };
}

let organizationId: string;

beforeAll(async () => {
  await GET(new Request("http://localhost/api/v1/gateway", { headers: authorization }), noParams);
  organizationId = (await db.organization.findFirstOrThrow()).id;
});

describe("PATCH /api/v1/gateway", () => {
  it("turns the gateway on and off, bumping the config epoch each time", async () => {
    const on = await patch({ enabled: true });
    expect(on).toMatchObject({ status: 200, body: { enabled: true } });
    const epoch = (await db.configEpoch.findUniqueOrThrow({ where: { id: 1 } })).version;

    const off = await patch({ enabled: false });
    expect(off.body.enabled).toBe(false);
    expect((await db.configEpoch.findUniqueOrThrow({ where: { id: 1 } })).version).toBeGreaterThan(epoch);
    expect(await db.auditLog.count({ where: { organizationId, action: "gateway.update" } })).toBe(2);
  });

  it("sets telemetry, keeps the headers encrypted and out of every answer and audit entry", async () => {
    const { status, body } = await patch({
      telemetry: { enabled: true, project: "default", otlpEndpoint: "https://logfire-api.pydantic.dev/", otlpHeaders: "Authorization=pylf_secret_token", captureContent: true },
    });
    expect(status).toBe(200);
    expect(body.telemetry).toEqual({ enabled: true, project: "default", otlpEndpoint: "https://logfire-api.pydantic.dev", captureContent: true });
    expect(JSON.stringify(body)).not.toContain("pylf_secret_token");

    const settings = await db.gatewaySettings.findUniqueOrThrow({ where: { organizationId } });
    expect(settings.encryptedOtlpHeaders).not.toContain("pylf_secret_token");
    expect(decryptJson(settings.encryptedOtlpHeaders!)).toEqual({ Authorization: "pylf_secret_token" });
    const audits = await db.auditLog.findMany({ where: { organizationId } });
    expect(JSON.stringify(audits)).not.toContain("pylf_secret_token");
  });

  it("changes only what is sent; null clears", async () => {
    await patch({ telemetry: { otlpHeaders: { "x-api-key": "another" } } });
    const { body } = await patch({ telemetry: { project: null } });
    expect(body.telemetry).toMatchObject({ enabled: true, project: null, otlpEndpoint: "https://logfire-api.pydantic.dev" });
    const settings = await db.gatewaySettings.findUniqueOrThrow({ where: { organizationId } });
    expect(decryptJson(settings.encryptedOtlpHeaders!)).toEqual({ "x-api-key": "another" });
    await patch({ telemetry: { otlpHeaders: null } });
    expect((await db.gatewaySettings.findUniqueOrThrow({ where: { organizationId } })).encryptedOtlpHeaders).toBeNull();
  });

  it("answers 400 for unknown fields and bad values, 404 for an unknown project", async () => {
    expect((await patch({ enabled: "yes" })).status).toBe(400);
    expect((await patch({ colour: "blue" })).status).toBe(400);
    expect((await patch({ telemetry: { otlpEndpoint: "ftp://example.com" } })).status).toBe(400);
    expect((await patch({ telemetry: { otlpHeaders: "no-equals-sign" } })).status).toBe(400);
    const missing = await patch({ telemetry: { project: "nope" } });
    expect(missing.status).toBe(404);
  });
});
