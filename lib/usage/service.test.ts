import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import type { SeededUsage } from "./seed-usage-for-tests";
import type { UsageItem } from "./schemas";

useTestDatabase();

const END = new Date("2026-03-10T15:30:00.000Z");
let seeded: SeededUsage;
let listUsage: typeof import("./service").listUsage;

const admin = () => ({ organizationId: seeded.organizationId, role: "admin" as const, membershipId: seeded.adminMembershipId });
const member = (membershipId: string | null) => ({ organizationId: seeded.organizationId, role: "member" as const, membershipId });

/** Records in the order the log must serve them: newest first, ties broken by id. */
const newestFirst = (records: SeededUsage["records"]) =>
  [...records].sort((left, right) => right.time.getTime() - left.time.getTime() || (left.id < right.id ? 1 : -1)).map((record) => record.id);

async function readAllPages(viewer: Parameters<typeof listUsage>[0], options: Parameters<typeof listUsage>[1]): Promise<UsageItem[]> {
  const items: UsageItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const result = await listUsage(viewer, { ...options, cursor });
    items.push(...result.items);
    if (!result.nextCursor) return items;
    cursor = result.nextCursor;
  }
  throw new Error("pagination never ended");
}

beforeAll(async () => {
  const { db } = await import("../db");
  const { seedUsage } = await import("./seed-usage-for-tests");
  ({ listUsage } = await import("./service"));
  seeded = await seedUsage(db, { end: END, days: 3, count: 120 });
});

describe("listUsage", () => {
  it("pages through every request of the organization exactly once, newest first", async () => {
    const items = await readAllPages(admin(), { limit: 7 });
    expect(items.map((item) => item.id)).toEqual(newestFirst(seeded.records));
    // Every tenth record shares one timestamp, so pages had to split a run of equal times.
    const sameTime = new Map<string, number>();
    for (const item of items) sameTime.set(item.time, (sameTime.get(item.time) ?? 0) + 1);
    expect(Math.max(...sameTime.values())).toBeGreaterThan(7);
  });

  it("defaults to 50 per page and caps the page at 500", async () => {
    const first = await listUsage(admin(), {});
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const all = await listUsage(admin(), { limit: 10_000 });
    expect(all.items).toHaveLength(seeded.records.length);
    expect(all.nextCursor).toBeNull();
  });

  it("answers the fields of the request log", async () => {
    const { items } = await listUsage(admin(), { limit: 500 });
    const refused = seeded.records.find((record) => record.errorCode === "spending_limit_exceeded" && record.membershipId === seeded.aliceMembershipId)!;
    expect(items.find((item) => item.id === refused.id)).toEqual({
      id: refused.id,
      time: refused.time.toISOString(),
      keyId: seeded.aliceKeyId,
      project: "research",
      memberId: seeded.aliceMembershipId,
      provider: null,
      route: null,
      model: null,
      status: 429,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite5mTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 0,
      inputAudioTokens: 0,
      outputAudioTokens: 0,
      audioSeconds: 0,
      costUsd: 0,
      estimated: false,
      latencyMs: refused.latencyMs,
      ttfbMs: null,
      attempts: 0,
      error: "spending_limit_exceeded",
      traceId: null,
    });
    const served = seeded.records.find((record) => record.status === 200 && record.membershipId === null)!;
    expect(items.find((item) => item.id === served.id)).toMatchObject({
      project: "default",
      memberId: null,
      provider: served.providerSlug,
      costUsd: Number(served.costMicros) / 1_000_000,
      error: null,
      traceId: served.traceId,
    });
  });

  it("filters by key, project slug and period", async () => {
    const byKey = await readAllPages(admin(), { key: seeded.bobKeyId, limit: 9 });
    expect(byKey.map((item) => item.id)).toEqual(newestFirst(seeded.records.filter((record) => record.apiKeyId === seeded.bobKeyId)));

    const byProject = await readAllPages(admin(), { project: "research", limit: 9 });
    expect(byProject.map((item) => item.id)).toEqual(newestFirst(seeded.records.filter((record) => record.projectId === seeded.researchProjectId)));
    expect(await listUsage(admin(), { project: "no-such-project" })).toEqual({ items: [], nextCursor: null });

    const from = new Date(END.getTime() - 24 * 3_600_000);
    const to = new Date(END.getTime() - 6 * 3_600_000);
    const byPeriod = await readAllPages(admin(), { from: from.toISOString(), to: to.toISOString(), limit: 11 });
    expect(byPeriod.map((item) => item.id)).toEqual(newestFirst(seeded.records.filter((record) => record.time >= from && record.time < to)));
  });

  it("shows a member only the requests made with their own personal keys", async () => {
    const aliceItems = await readAllPages(member(seeded.aliceMembershipId), { limit: 13 });
    expect(aliceItems.length).toBeGreaterThan(0);
    expect(aliceItems.map((item) => item.id)).toEqual(newestFirst(seeded.records.filter((record) => record.membershipId === seeded.aliceMembershipId)));
    // Asking for someone else's key or project does not widen what a member sees.
    expect((await listUsage(member(seeded.aliceMembershipId), { key: seeded.bobKeyId })).items).toEqual([]);
    expect((await listUsage(member(seeded.aliceMembershipId), { key: seeded.projectKeyId })).items).toEqual([]);
    expect((await listUsage(member(null), {})).items).toEqual([]);
  });

  it("never shows another organization's requests", async () => {
    const other = await listUsage({ organizationId: seeded.otherOrganizationId, role: "admin", membershipId: null }, {});
    expect(other.items).toHaveLength(1);
    expect(other.items[0].costUsd).toBe(0.999999);
  });

  it("rejects a cursor it did not issue", async () => {
    await expect(listUsage(admin(), { cursor: "not-a-cursor" })).rejects.toMatchObject({ status: 400, code: "invalid_query" });
  });
});
