import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import { expectInvalidQuery, routeGetter } from "@/test/helpers/route-handler";

const ADMIN_TOKEN = "spending-export-admin-token-0123456789";
process.env.GATEWAY_ADMIN_TOKEN = ADMIN_TOKEN;
useTestDatabase();

const call = routeGetter(() => import("./route"), "/api/v1/spending/export", ADMIN_TOKEN);

const DAY_ONE = "2026-03-01";
const DAY_TWO = "2026-03-02";

async function seed(): Promise<void> {
  const { db } = await import("@/lib/db");
  const { ensureDefaultOrganization } = await import("@/lib/organizations/default-organization");
  const { applyUsageToRollups } = await import("@/lib/spending/rollups");
  const organization = await ensureDefaultOrganization();
  const base = { organizationId: organization.id, status: 200 };
  const records = [
    // Two hours of one day for one provider × model: summed into one row.
    { ...base, id: "export-1", time: new Date(`${DAY_ONE}T01:15:00Z`), providerSlug: "anthropic", model: "claude-sonnet-4-5", inputTokens: 1000, outputTokens: 200, cacheReadTokens: 600, cacheWriteTokens: 300, reasoningTokens: 0, costMicros: 4_321n },
    { ...base, id: "export-2", time: new Date(`${DAY_ONE}T23:59:00Z`), providerSlug: "anthropic", model: "claude-sonnet-4-5", inputTokens: 10, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, costMicros: 1n },
    { ...base, id: "export-3", time: new Date(`${DAY_ONE}T12:00:00Z`), providerSlug: "openai", model: "o3, tuned", inputTokens: 50, outputTokens: 400, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 320, costMicros: 2_000_000n },
    { ...base, id: "export-4", time: new Date(`${DAY_TWO}T00:00:00Z`), providerSlug: "anthropic", model: "claude-sonnet-4-5", inputTokens: 7, outputTokens: 3, costMicros: 9n },
    // A refusal counts as a request of its day and costs nothing.
    { ...base, id: "export-5", time: new Date(`${DAY_TWO}T08:00:00Z`), providerSlug: "openai", model: "o3, tuned", status: 429, costMicros: 0n },
    // Outside the period.
    { ...base, id: "export-6", time: new Date("2026-03-03T00:00:00Z"), providerSlug: "openai", model: "o3, tuned", inputTokens: 1, outputTokens: 1, costMicros: 5n },
  ];
  await db.usageRecord.createMany({ data: records });
  await applyUsageToRollups(db, records);
}

describe("GET /api/v1/spending/export", () => {
  it("answers one CSV row per day × provider × model with every token class and the exact cost", async () => {
    await seed();
    const response = await call(`?from=${DAY_ONE}T00:00:00Z&to=2026-03-03T00:00:00Z&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="gateway-usage-2026-03-01-to-2026-03-02.csv"');
    expect((await response.text()).split("\r\n")).toEqual([
      "date,provider,model,requests,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,reasoning_tokens,cost_usd",
      `${DAY_ONE},anthropic,claude-sonnet-4-5,2,1010,205,600,300,0,0.004322`,
      `${DAY_ONE},openai,"o3, tuned",1,50,400,0,0,320,2.000000`,
      `${DAY_TWO},anthropic,claude-sonnet-4-5,1,7,3,0,0,0,0.000009`,
      `${DAY_TWO},openai,"o3, tuned",1,0,0,0,0,0,0.000000`,
      "",
    ]);
  });

  it("is a header alone for a period without usage, and csv is the default format", async () => {
    const response = await call("?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("date,provider,model,requests,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,reasoning_tokens,cost_usd\r\n");
  });

  it.each([
    ["?format=xlsx", "format must be one of csv"],
    ["?from=yesterday", "from must be an ISO 8601 date-time"],
    ["?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "from must be before to"],
    ["?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "at most 400"],
  ])("answers 400 with a clear message for %s", async (query, message) => {
    await expectInvalidQuery(await call(query), message);
  });
});
