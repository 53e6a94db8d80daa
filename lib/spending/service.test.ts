import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import { usdToMicros } from "../money";
import type { SeededUsage } from "../usage/seed-usage-for-tests";
import type { SpendingReport } from "./schemas";

useTestDatabase();

const END = new Date("2026-03-10T15:30:00.000Z");
const FROM = new Date("2026-02-27T00:00:00.000Z");
let seeded: SeededUsage;
let getSpending: typeof import("./service").getSpending;

const admin = () => ({ organizationId: seeded.organizationId, role: "admin" as const, membershipId: seeded.adminMembershipId });
const alice = () => ({ organizationId: seeded.organizationId, role: "member" as const, membershipId: seeded.aliceMembershipId });

const micros = (usd: number) => usdToMicros(usd);
const sumMicros = (rows: Array<{ costUsd: number }>) => rows.reduce((sum, row) => sum + micros(row.costUsd), 0n);
const sumRecords = (records: SeededUsage["records"]) => records.reduce((sum, record) => sum + record.costMicros, 0n);

beforeAll(async () => {
  const { db } = await import("../db");
  const { seedUsage } = await import("../usage/seed-usage-for-tests");
  ({ getSpending } = await import("./service"));
  seeded = await seedUsage(db, { end: END, days: 9, count: 240 });
});

describe("getSpending for an admin", () => {
  let report: SpendingReport;
  beforeAll(async () => {
    report = await getSpending(admin(), { from: FROM, to: END, groupBy: "model", interval: "day" });
  });

  it("totals agree exactly with the sum of the usage records", () => {
    expect(micros(report.totalUsd)).toBe(sumRecords(seeded.records));
    expect(report.requests).toBe(seeded.records.length);
    expect(report.inputTokens).toBe(seeded.records.reduce((sum, record) => sum + record.inputTokens, 0));
    expect(report.outputTokens).toBe(seeded.records.reduce((sum, record) => sum + record.outputTokens, 0));
    expect(report.errors).toBe(seeded.records.filter((record) => record.status >= 400).length);
  });

  it("fills every UTC day with a point, and the points add up to the total", () => {
    expect(report.series.map((point) => point.t)).toEqual(
      Array.from({ length: 12 }, (_, day) => new Date(Date.UTC(2026, 1, 27 + day)).toISOString()),
    );
    // The seeded usage starts on March 1: the two days before are there, empty.
    expect(report.series.slice(0, 2)).toMatchObject([
      { costUsd: 0, requests: 0, inputTokens: 0 },
      { costUsd: 0, requests: 0, inputTokens: 0 },
    ]);
    expect(sumMicros(report.series)).toBe(micros(report.totalUsd));
    expect(report.series.reduce((sum, point) => sum + point.requests, 0)).toBe(report.requests);
  });

  it.each(["project", "member", "key", "provider", "model"] as const)("gives a complete breakdown by %s", async (groupBy) => {
    const grouped = await getSpending(admin(), { from: FROM, to: END, groupBy, interval: "day" });
    expect(sumMicros(grouped.breakdown)).toBe(micros(grouped.totalUsd));
    expect(grouped.breakdown.reduce((sum, row) => sum + row.requests, 0)).toBe(grouped.requests);
    const costs = grouped.breakdown.map((row) => row.costUsd);
    expect(costs).toEqual([...costs].sort((left, right) => right - left));
  });

  it("puts project keys in one member row with id null, and labels members by email", async () => {
    const { db } = await import("../db");
    const grouped = await getSpending(admin(), { from: FROM, to: END, groupBy: "member" });
    const projectKeys = grouped.breakdown.find((row) => row.id === null);
    expect(projectKeys?.label).toBe("Project keys");
    expect(micros(projectKeys!.costUsd)).toBe(sumRecords(seeded.records.filter((record) => record.membershipId === null)));
    const aliceRow = grouped.breakdown.find((row) => row.id === seeded.aliceMembershipId);
    const aliceUser = await db.membership.findUniqueOrThrow({ where: { id: seeded.aliceMembershipId }, select: { user: { select: { email: true } } } });
    expect(aliceRow?.label).toBe(aliceUser.user.email);
    expect(grouped.breakdown.map((row) => row.id).sort()).toEqual([null, seeded.aliceMembershipId, seeded.bobMembershipId].sort());
  });

  it("labels projects, keys, providers and models", async () => {
    const byProject = await getSpending(admin(), { from: FROM, to: END, groupBy: "project" });
    expect(byProject.breakdown.map((row) => row.label).sort()).toEqual(["Default", "Research"]);
    const byKey = await getSpending(admin(), { from: FROM, to: END, groupBy: "key" });
    expect(byKey.breakdown.find((row) => row.id === seeded.aliceKeyId)?.label).toBe("Alice laptop");
    const byProvider = await getSpending(admin(), { from: FROM, to: END, groupBy: "provider" });
    expect(byProvider.breakdown.map((row) => row.label).sort()).toEqual(["No provider", "anthropic", "openai"]);
    const byModel = await getSpending(admin(), { from: FROM, to: END, groupBy: "model" });
    expect(byModel.breakdown.find((row) => row.id === "gpt-4o")?.label).toBe("gpt-4o");
    expect(byModel.breakdown.find((row) => row.id === null)?.costUsd).toBe(0);
  });

  it("buckets by UTC hour with zero hours filled", async () => {
    const from = new Date("2026-03-09T15:00:00Z");
    const hourly = await getSpending(admin(), { from, to: END, groupBy: "model", interval: "hour" });
    expect(hourly.series).toHaveLength(25);
    expect(hourly.series[0].t).toBe("2026-03-09T15:00:00.000Z");
    expect(hourly.series.at(-1)!.t).toBe("2026-03-10T15:00:00.000Z");
    const inRange = seeded.records.filter((record) => record.time >= from && record.time < END);
    expect(micros(hourly.totalUsd)).toBe(sumRecords(inRange));
    expect(sumMicros(hourly.series)).toBe(micros(hourly.totalUsd));
    for (const point of hourly.series) {
      const start = Date.parse(point.t);
      const expected = sumRecords(inRange.filter((record) => record.time.getTime() >= start && record.time.getTime() < start + 3_600_000));
      expect(micros(point.costUsd)).toBe(expected);
    }
  });

  it("never counts another organization's usage", async () => {
    const other = await getSpending({ organizationId: seeded.otherOrganizationId, role: "admin", membershipId: null }, { from: FROM, to: END });
    expect(other.totalUsd).toBe(0.999999);
    expect(other.requests).toBe(1);
  });

  it("defaults to the last 30 days by day", async () => {
    const recent = await getSpending(admin());
    expect(recent.interval).toBe("day");
    expect(recent.groupBy).toBe("model");
    expect(recent.series.length).toBeGreaterThanOrEqual(30);
    expect(recent.series.length).toBeLessThanOrEqual(31);
    expect(Date.parse(recent.to) - Date.parse(recent.from)).toBe(30 * 24 * 3_600_000);
  });
});

describe("getSpending for a member", () => {
  it("counts only usage through the member's own personal keys", async () => {
    const report = await getSpending(alice(), { from: FROM, to: END, groupBy: "member" });
    const own = seeded.records.filter((record) => record.membershipId === seeded.aliceMembershipId);
    expect(own.length).toBeGreaterThan(0);
    expect(micros(report.totalUsd)).toBe(sumRecords(own));
    expect(report.requests).toBe(own.length);
    expect(report.breakdown.map((row) => row.id)).toEqual([seeded.aliceMembershipId]);
    const byKey = await getSpending(alice(), { from: FROM, to: END, groupBy: "key" });
    expect(byKey.breakdown.map((row) => row.id)).toEqual([seeded.aliceKeyId]);
  });

  it("shows nothing to a member caller without a membership", async () => {
    const report = await getSpending({ organizationId: seeded.organizationId, role: "member", membershipId: null }, { from: FROM, to: END });
    expect(report.totalUsd).toBe(0);
    expect(report.breakdown).toEqual([]);
    expect(report.series).toHaveLength(12);
  });
});

describe("getSpending periods", () => {
  it("refuses a period that ends before it starts", async () => {
    await expect(getSpending(admin(), { from: END, to: FROM })).rejects.toMatchObject({ status: 400, code: "invalid_query" });
  });

  it("refuses more hourly points than a chart can hold, suggesting interval=day", async () => {
    await expect(getSpending(admin(), { from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z", interval: "hour" })).rejects.toThrow(
      /interval=day/,
    );
    const daily = await getSpending(admin(), { from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z", interval: "day" });
    expect(daily.series).toHaveLength(365);
  });
});
