import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import { expectInvalidQuery, routeGetter } from "@/test/helpers/route-handler";

const ADMIN_TOKEN = "spending-route-admin-token-0123456789";
process.env.GATEWAY_ADMIN_TOKEN = ADMIN_TOKEN;
useTestDatabase();

const call = routeGetter(() => import("./route"), "/api/v1/spending", ADMIN_TOKEN);

describe("GET /api/v1/spending", () => {
  it("answers the organization's spending with the documented defaults", async () => {
    const { db } = await import("@/lib/db");
    const { ensureDefaultOrganization } = await import("@/lib/organizations/default-organization");
    const { applyUsageToRollups } = await import("@/lib/spending/rollups");
    const organization = await ensureDefaultOrganization();
    const time = new Date(Date.now() - 2 * 3_600_000);
    const records = [1n, 2n, 333_333n].map((costMicros, index) => ({
      id: `route-usage-${index}`,
      time,
      organizationId: organization.id,
      providerSlug: "openai",
      model: "gpt-4o",
      status: 200,
      inputTokens: 10,
      outputTokens: 20,
      costMicros,
    }));
    await db.usageRecord.createMany({ data: records });
    await applyUsageToRollups(db, records);

    const response = await call("");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ totalUsd: 0.333336, requests: 3, inputTokens: 30, outputTokens: 60, groupBy: "model", interval: "day" });
    expect(body.breakdown).toEqual([{ id: "gpt-4o", label: "gpt-4o", costUsd: 0.333336, requests: 3 }]);
    expect(body.series.length).toBeGreaterThanOrEqual(30);
    expect(body.series.at(-1)).toMatchObject({ costUsd: expect.any(Number), requests: expect.any(Number) });
  });

  it("accepts groupBy and interval", async () => {
    const response = await call(`?groupBy=provider&interval=hour&from=${encodeURIComponent(new Date(Date.now() - 6 * 3_600_000).toISOString())}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.breakdown[0]).toMatchObject({ id: "openai", label: "openai" });
    expect(body.series.length).toBeGreaterThanOrEqual(6);
    expect(body.series.length).toBeLessThanOrEqual(7);
  });

  it.each([
    ["?groupBy=team", "groupBy must be one of project, member, key, provider, model"],
    ["?interval=week", "interval must be one of hour, day"],
    ["?from=yesterday", "from must be an ISO 8601 date-time"],
    ["?to=2026-13-45T00:00:00Z", "to must be an ISO 8601 date-time"],
    ["?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "from must be before to"],
    ["?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=hour", "interval=day"],
  ])("answers 400 with a clear message for %s", async (query, message) => {
    const body = await expectInvalidQuery(await call(query), message);
    expect(Array.isArray(body.error.issues)).toBe(true);
  });

  it("answers 401 without a valid token", async () => {
    expect((await call("", "wrong-token-wrong-token")).status).toBe(401);
  });
});
