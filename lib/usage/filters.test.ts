import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import type { SeededUsage } from "./seed-usage-for-tests";
import type { UsageItem } from "./schemas";

useTestDatabase();

const END = new Date("2026-03-10T15:30:00.000Z");
let seeded: SeededUsage;
let listUsage: typeof import("./service").listUsage;
let getUsageDetail: typeof import("./detail-service").getUsageDetail;

const admin = () => ({ organizationId: seeded.organizationId, role: "admin" as const, membershipId: seeded.adminMembershipId });
const member = (membershipId: string) => ({ organizationId: seeded.organizationId, role: "member" as const, membershipId });
const ids = (items: UsageItem[]) => items.map((item) => item.id).sort();
const expectedIds = (keep: (record: SeededUsage["records"][number]) => boolean) => seeded.records.filter(keep).map((record) => record.id).sort();

beforeAll(async () => {
  const { db } = await import("../db");
  const { seedUsage } = await import("./seed-usage-for-tests");
  ({ listUsage } = await import("./service"));
  ({ getUsageDetail } = await import("./detail-service"));
  seeded = await seedUsage(db, { end: END, days: 3, count: 90, seed: 7 });
  // A third of the served requests were streamed.
  const streamed = seeded.records.filter((record, index) => record.status === 200 && index % 3 === 0).map((record) => record.id);
  await db.usageRecord.updateMany({ where: { id: { in: streamed } }, data: { streamed: true } });
});

describe("request log filters", () => {
  it("filters by member, provider, route, model and error code", async () => {
    const all = { limit: 500 } as const;
    expect(ids((await listUsage(admin(), { ...all, member: seeded.bobMembershipId })).items)).toEqual(expectedIds((record) => record.membershipId === seeded.bobMembershipId));
    expect(ids((await listUsage(admin(), { ...all, member: "none" })).items)).toEqual(expectedIds((record) => record.membershipId === null));
    expect(ids((await listUsage(admin(), { ...all, provider: "anthropic" })).items)).toEqual(expectedIds((record) => record.providerSlug === "anthropic"));
    expect(ids((await listUsage(admin(), { ...all, route: "openai" })).items)).toEqual(expectedIds((record) => record.route === "openai"));
    expect(ids((await listUsage(admin(), { ...all, model: "gpt-4o-mini" })).items)).toEqual(expectedIds((record) => record.model === "gpt-4o-mini"));
    const refused = await listUsage(admin(), { ...all, error: "spending_limit_exceeded" });
    expect(refused.items.length).toBeGreaterThan(0);
    expect(ids(refused.items)).toEqual(expectedIds((record) => record.errorCode === "spending_limit_exceeded"));
  });

  it("filters by status class and by streamed", async () => {
    const all = { limit: 500 } as const;
    expect(ids((await listUsage(admin(), { ...all, status: "success" })).items)).toEqual(expectedIds((record) => record.status < 400));
    expect(ids((await listUsage(admin(), { ...all, status: "error" })).items)).toEqual(expectedIds((record) => record.status >= 400));
    expect(ids((await listUsage(admin(), { ...all, status: "4xx" })).items)).toEqual(expectedIds((record) => record.status >= 400 && record.status < 500));
    expect(ids((await listUsage(admin(), { ...all, status: "5xx" })).items)).toEqual(expectedIds((record) => record.status >= 500));
    const streamed = await listUsage(admin(), { ...all, streamed: "true" });
    const notStreamed = await listUsage(admin(), { ...all, streamed: "false" });
    expect(streamed.items.length).toBeGreaterThan(0);
    expect(streamed.items.length + notStreamed.items.length).toBe(seeded.records.length);
    expect(streamed.items.every((item) => item.status === 200)).toBe(true);
  });

  it("finds one request by its request id or its trace id, in any case", async () => {
    const target = seeded.records.find((record) => record.traceId !== null)!;
    expect(ids((await listUsage(admin(), { search: target.id })).items)).toEqual([target.id]);
    expect(ids((await listUsage(admin(), { search: ` ${target.traceId!.toUpperCase()} ` })).items)).toEqual([target.id]);
    expect((await listUsage(admin(), { search: "no-such-request" })).items).toEqual([]);
  });

  it("combines filters, and pages oldest first with a cursor", async () => {
    const keep = (record: SeededUsage["records"][number]) => record.providerSlug === "openai" && record.status < 400;
    const items: UsageItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await listUsage(admin(), { provider: "openai", status: "success", order: "oldest", limit: 4, cursor });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = seeded.records.filter(keep).sort((left, right) => left.time.getTime() - right.time.getTime() || (left.id < right.id ? -1 : 1));
    expect(items.map((item) => item.id)).toEqual(expected.map((record) => record.id));
  });

  it("never widens what a member sees", async () => {
    const alice = member(seeded.aliceMembershipId);
    const bobs = seeded.records.find((record) => record.membershipId === seeded.bobMembershipId)!;
    expect((await listUsage(alice, { member: seeded.bobMembershipId })).items).toEqual([]);
    expect((await listUsage(alice, { search: bobs.id })).items).toEqual([]);
    await expect(getUsageDetail(alice, bobs.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("request detail", () => {
  it("answers the row's fields, key, member, project and the stored attempts", async () => {
    const { db } = await import("../db");
    const served = seeded.records.find((record) => record.status === 200 && record.membershipId === seeded.aliceMembershipId)!;
    const { serializeAttemptLog } = await import("./attempt-log");
    const log = serializeAttemptLog(
      [
        { providerSlug: "openai-eu", providerType: "openai", startedAt: 1000, endedAt: 1120, status: 503, failure: { reason: "503", message: "status 503" } },
        { providerSlug: served.providerSlug!, providerType: "openai", startedAt: 1120, endedAt: null, status: 200 },
      ],
      1500,
    );
    await db.usageRecord.update({ where: { id: served.id }, data: { attemptLog: log, attempts: 2, cacheReadTokens: 10 } });

    const detail = await getUsageDetail(member(seeded.aliceMembershipId), served.id);
    expect(detail.item).toMatchObject({ id: served.id, status: 200, attempts: 2, project: "research" });
    expect(detail.keyName).toBe("Alice laptop");
    expect(detail.projectName).toBe("Research");
    expect(detail.member?.email).toMatch(/^alice\+/);
    expect(detail.cacheReadTokens).toBe(10);
    expect(detail.attemptLog).toEqual([
      { provider: "openai-eu", type: "openai", status: 503, durationMs: 120, failure: { reason: "503", message: "status 503" } },
      { provider: served.providerSlug, type: "openai", status: 200, durationMs: 380, failure: null },
    ]);
  });

  it("describes a single attempt from the row, and a refused request with none", async () => {
    const single = seeded.records.find((record) => record.status === 200 && record.attempts === 1 && record.membershipId === null)!;
    const detail = await getUsageDetail(admin(), single.id);
    expect(detail.attemptLog).toEqual([{ provider: single.providerSlug, type: null, status: 200, durationMs: single.latencyMs, failure: null }]);
    const refused = seeded.records.find((record) => record.status === 429)!;
    const refusedDetail = await getUsageDetail(admin(), refused.id);
    expect(refusedDetail.attemptLog).toEqual([]);
    expect(refusedDetail.item.error).toBe("spending_limit_exceeded");
    expect(refusedDetail.costBreakdown).toBeNull();
  });

  it("splits the cost per token class at the model's rates", async () => {
    const { db } = await import("../db");
    const organization = seeded.organizationId;
    const provider = await db.provider.create({
      data: { organizationId: organization, slug: "priced", name: "Priced", type: "openai", prices: { create: { model: "house-model", inputPerMillionMicros: 2_000_000n, outputPerMillionMicros: 8_000_000n, cacheReadPerMillionMicros: 500_000n } } },
    });
    await db.usageRecord.create({
      data: {
        id: "priced-request",
        time: END,
        organizationId: organization,
        providerSlug: provider.slug,
        route: provider.slug,
        model: "house-model",
        status: 200,
        attempts: 1,
        inputTokens: 1_000,
        cacheReadTokens: 400,
        outputTokens: 250,
        // 600 × $2/M + 400 × $0.5/M + 250 × $8/M = 1200 + 200 + 2000 micro-USD
        costMicros: 3_400n,
      },
    });
    const detail = await getUsageDetail(admin(), "priced-request");
    expect(detail.costBreakdown).toEqual({
      lines: [
        { tokenClass: "input_tokens", tokens: 600, costUsd: 0.0012 },
        { tokenClass: "cache_read_tokens", tokens: 400, costUsd: 0.0002 },
        { tokenClass: "output_tokens", tokens: 250, costUsd: 0.002 },
      ],
      matchesRecorded: true,
    });
  });
});
