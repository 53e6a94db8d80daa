import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import { computeRollupIncrements, rollupKey, startOfUtcHour } from "./rollups";

useTestDatabase();

const base = {
  organizationId: "org",
  projectId: "project",
  apiKeyId: "key",
  membershipId: null,
  providerSlug: "openai",
  model: "gpt-4o",
  inputTokens: 10,
  outputTokens: 5,
  latencyMs: 100,
};

describe("rollupKey", () => {
  it("buckets by UTC hour and stores missing dimensions as empty strings", () => {
    const key = rollupKey({ ...base, time: new Date("2026-03-10T12:59:59.999Z"), status: 200, providerSlug: null, model: undefined });
    expect(key).toEqual({
      organizationId: "org",
      hour: new Date("2026-03-10T12:00:00.000Z"),
      projectId: "project",
      apiKeyId: "key",
      membershipId: "",
      providerSlug: "",
      model: "",
    });
    expect(startOfUtcHour(new Date("2026-03-10T13:00:00.000Z")).toISOString()).toBe("2026-03-10T13:00:00.000Z");
  });
});

describe("computeRollupIncrements", () => {
  it("sums a batch per hour and dimensions, counting errors from status 400 up", () => {
    const increments = computeRollupIncrements([
      { ...base, time: new Date("2026-03-10T12:01:00Z"), status: 200, costMicros: 7n },
      { ...base, time: new Date("2026-03-10T12:59:00Z"), status: 429, costMicros: 0n },
      { ...base, time: new Date("2026-03-10T12:30:00Z"), status: 500, costMicros: 3n },
      { ...base, time: new Date("2026-03-10T13:00:00Z"), status: 399, costMicros: 1n },
    ]);
    expect(increments).toHaveLength(2);
    expect(increments[0]).toMatchObject({ requests: 3, errors: 2, inputTokens: 30n, outputTokens: 15n, costMicros: 10n, latencyMsSum: 300n });
    expect(increments[1]).toMatchObject({ requests: 1, errors: 0, costMicros: 1n });
  });
});

describe("applyUsageToRollups", () => {
  it("counts every record when batches touching the same hour are applied at once", async () => {
    const { db } = await import("../db");
    const { applyUsageToRollups } = await import("./rollups");
    const organization = await db.organization.create({ data: { name: "Rollups", slug: "rollups" } });
    const record = (index: number) => ({
      ...base,
      organizationId: organization.id,
      model: index % 2 === 0 ? "gpt-4o" : "gpt-4o-mini",
      time: new Date(Date.UTC(2026, 2, 10, 12, index % 60)),
      status: index % 7 === 0 ? 500 : 200,
      costMicros: BigInt(index * 13 + 1),
    });
    const batches = Array.from({ length: 8 }, (_, batch) => Array.from({ length: 25 }, (_, index) => record(batch * 25 + index)));
    await Promise.all(batches.map((batch) => applyUsageToRollups(db, batch)));

    const rows = await db.usageHourly.findMany({ where: { organizationId: organization.id } });
    expect(rows).toHaveLength(2);
    const all = batches.flat();
    expect(rows.reduce((sum, row) => sum + row.requests, 0)).toBe(all.length);
    expect(rows.reduce((sum, row) => sum + row.errors, 0)).toBe(all.filter((item) => item.status >= 500).length);
    expect(rows.reduce((sum, row) => sum + row.costMicros, 0n)).toBe(all.reduce((sum, item) => sum + item.costMicros, 0n));
  });

  it("joins a caller's transaction", async () => {
    const { db } = await import("../db");
    const { applyUsageToRollups } = await import("./rollups");
    const organization = await db.organization.create({ data: { name: "Tx", slug: "tx" } });
    const records = [{ ...base, organizationId: organization.id, time: new Date("2026-03-10T09:15:00Z"), status: 200, costMicros: 5n }];
    await db.$transaction(async (transaction) => {
      await applyUsageToRollups(transaction, records);
      await applyUsageToRollups(transaction, records);
    });
    const row = await db.usageHourly.findFirstOrThrow({ where: { organizationId: organization.id } });
    expect(row).toMatchObject({ requests: 2, costMicros: 10n, inputTokens: 20n });
  });
});
