import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import { expectInvalidQuery, routeGetter } from "@/test/helpers/route-handler";

const ADMIN_TOKEN = "usage-route-admin-token-0123456789";
process.env.GATEWAY_ADMIN_TOKEN = ADMIN_TOKEN;
useTestDatabase();

const call = routeGetter(() => import("./route"), "/api/v1/usage", ADMIN_TOKEN);

beforeAll(async () => {
  const { db } = await import("@/lib/db");
  const { ensureDefaultOrganization } = await import("@/lib/organizations/default-organization");
  const organization = await ensureDefaultOrganization();
  await db.usageRecord.createMany({
    data: Array.from({ length: 5 }, (_, index) => ({
      id: `route-usage-${index}`,
      time: new Date(Date.UTC(2026, 2, 10, 12, index)),
      organizationId: organization.id,
      providerSlug: "openai",
      route: "openai",
      model: "gpt-4o",
      status: 200,
      costMicros: 1_500_000n,
    })),
  });
});

describe("GET /api/v1/usage", () => {
  it("answers the request log newest first with a working cursor", async () => {
    const first = await call("?limit=3");
    expect(first.status).toBe(200);
    const page = await first.json();
    expect(page.items.map((item: { id: string }) => item.id)).toEqual(["route-usage-4", "route-usage-3", "route-usage-2"]);
    expect(page.items[0]).toMatchObject({ time: "2026-03-10T12:04:00.000Z", costUsd: 1.5, provider: "openai", status: 200 });
    expect(typeof page.nextCursor).toBe("string");

    const second = await (await call(`?limit=3&cursor=${encodeURIComponent(page.nextCursor)}`)).json();
    expect(second.items.map((item: { id: string }) => item.id)).toEqual(["route-usage-1", "route-usage-0"]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by period", async () => {
    const response = await call("?from=2026-03-10T12:01:00Z&to=2026-03-10T12:03:00Z");
    const body = await response.json();
    expect(body.items.map((item: { id: string }) => item.id)).toEqual(["route-usage-2", "route-usage-1"]);
  });

  it.each([
    ["?limit=0", "limit must be at least 1"],
    ["?limit=501", "limit can be at most 500"],
    ["?limit=ten", "limit must be a number"],
    ["?limit=2.5", "limit must be a whole number"],
    ["?from=last-week", "from must be an ISO 8601 date-time"],
    ["?to=2026-03-10T12:00:00", "to must be an ISO 8601 date-time"],
    ["?cursor=bogus", "cursor"],
  ])("answers 400 with a clear message for %s", async (query, message) => {
    await expectInvalidQuery(await call(query), message);
  });
});
