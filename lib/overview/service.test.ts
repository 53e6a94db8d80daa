import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import { periodRange, previousRange } from "../dashboard/charts/periods";
import { usdToMicros } from "../money";
import type { SeededUsage } from "../usage/seed-usage-for-tests";
import { percentileOf } from "./percentile";
import type { OverviewReport } from "./schemas";

useTestDatabase();

const NOW = new Date("2026-03-10T15:30:00.000Z");
let seeded: SeededUsage;
let getOverview: typeof import("./service").getOverview;

const admin = () => ({ organizationId: seeded.organizationId, role: "admin" as const, membershipId: seeded.adminMembershipId });
const sumMicros = (records: SeededUsage["records"]) => records.reduce((sum, record) => sum + record.costMicros, 0n);
const inRange = (range: { from: Date; to: Date }) => seeded.records.filter((record) => record.time >= range.from && record.time < range.to);

beforeAll(async () => {
  const { db } = await import("../db");
  const { seedUsage } = await import("../usage/seed-usage-for-tests");
  ({ getOverview } = await import("./service"));
  seeded = await seedUsage(db, { end: NOW, days: 14, count: 400 });
});

describe("getOverview", () => {
  let report: OverviewReport;
  let records: SeededUsage["records"];
  beforeAll(async () => {
    report = await getOverview(admin(), { period: "7d", now: NOW });
    records = inRange(periodRange("7d", NOW));
  });

  it("totals the period exactly, from whole UTC days", () => {
    expect(report).toMatchObject({ period: "7d", interval: "day", from: "2026-03-04T00:00:00.000Z", to: NOW.toISOString() });
    expect(records.length).toBeGreaterThan(50);
    expect(report.totals.requests).toBe(records.length);
    expect(usdToMicros(report.totals.costUsd)).toBe(sumMicros(records));
    expect(report.totals.inputTokens).toBe(records.reduce((sum, record) => sum + record.inputTokens, 0));
    const errors = records.filter((record) => record.status >= 400).length;
    expect(report.totals.errors).toBe(errors);
    expect(report.totals.errorRate).toBeCloseTo(errors / records.length, 12);
  });

  it("has one point per day whose costs add up to the total", () => {
    expect(report.series).toHaveLength(7);
    const seriesMicros = report.series.reduce((sum, point) => sum + usdToMicros(point.costUsd), 0n);
    expect(seriesMicros).toBe(usdToMicros(report.totals.costUsd));
  });

  it("computes p50 and p95 latency over requests that reached a provider", () => {
    const forwarded = records.filter((record) => record.attempts > 0).map((record) => record.latencyMs);
    expect(report.latency.sampleSize).toBe(forwarded.length);
    expect(report.latency.p50Ms).toBe(percentileOf(forwarded, 50));
    expect(report.latency.p95Ms).toBe(percentileOf(forwarded, 95));
    expect(report.latency.averageMs).toBeCloseTo(forwarded.reduce((sum, value) => sum + value, 0) / forwarded.length, 6);
  });

  it("ranks every model and provider by requests, labelling refused requests", () => {
    expect(report.topModels.reduce((sum, row) => sum + row.requests, 0)).toBe(records.length);
    const requests = report.topModels.map((row) => row.requests);
    expect(requests).toEqual([...requests].sort((left, right) => right - left));
    const gpt4o = records.filter((record) => record.model === "gpt-4o");
    expect(report.topModels.find((row) => row.id === "gpt-4o")).toMatchObject({ label: "gpt-4o", requests: gpt4o.length });
    expect(usdToMicros(report.topModels.find((row) => row.id === "gpt-4o")!.costUsd)).toBe(sumMicros(gpt4o));
    expect(report.topModels.find((row) => row.id === null)?.label).toBe("Unknown model");
    expect(report.topProviders.map((row) => row.label).sort()).toEqual(["No provider", "anthropic", "openai"]);
  });

  it("compares with the previous period and knows the newest request", async () => {
    const previous = inRange(previousRange(periodRange("7d", NOW)));
    expect(report.previous.requests).toBe(previous.length);
    expect(usdToMicros(report.previous.costUsd)).toBe(sumMicros(previous));
    const newest = Math.max(...seeded.records.map((record) => record.time.getTime()));
    expect(report.lastRequestAt).toBe(new Date(newest).toISOString());
  });

  it("uses UTC hours for 24h", async () => {
    const day = await getOverview(admin(), { period: "24h", now: NOW });
    expect(day.series).toHaveLength(24);
    expect(day.series[0].t).toBe("2026-03-09T16:00:00.000Z");
    expect(day.totals.requests).toBe(inRange(periodRange("24h", NOW)).length);
  });

  it("never counts another organization's usage", async () => {
    const other = await getOverview({ organizationId: seeded.otherOrganizationId, role: "admin", membershipId: null }, { period: "24h", now: NOW });
    expect(other.totals).toMatchObject({ requests: 1, costUsd: 0.999999 });
    expect(other.topModels.map((row) => row.id)).toEqual(["gpt-4o"]);
  });

  it("answers an unused organization with zeros and no percentiles", async () => {
    const { db } = await import("../db");
    const organization = await db.organization.create({ data: { name: "Empty", slug: "empty-overview" } });
    const empty = await getOverview({ organizationId: organization.id, role: "admin", membershipId: null }, { period: "30d", now: NOW });
    expect(empty.totals).toEqual({ requests: 0, errors: 0, costUsd: 0, inputTokens: 0, outputTokens: 0, errorRate: null });
    expect(empty.latency).toEqual({ p50Ms: null, p95Ms: null, averageMs: null, sampleSize: 0 });
    expect(empty.series).toHaveLength(30);
    expect(empty.topModels).toEqual([]);
    expect(empty.lastRequestAt).toBeNull();
  });
});
