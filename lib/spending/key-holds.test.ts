import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import type { SeededUsage } from "../usage/seed-usage-for-tests";

useTestDatabase();

// After the seeded 14 days, so only the rows written here fall into "today".
const NOW = new Date("2026-04-02T15:30:00.000Z");
let seeded: SeededUsage;
let getKeyHolds: typeof import("./key-holds").getKeyHolds;

beforeAll(async () => {
  const { db } = await import("../db");
  const { seedUsage } = await import("../usage/seed-usage-for-tests");
  const { counterId } = await import("../limits/windows");
  ({ getKeyHolds } = await import("./key-holds"));
  seeded = await seedUsage(db, { end: new Date("2026-03-10T15:30:00.000Z"), days: 14, count: 50 });
  // Alice's key: a running proxy holds $0.0004 of today's window and $0.0004 of the month's; two refusals today, one yesterday.
  for (const window of ["daily", "monthly"] as const) {
    await db.spendCounter.create({
      data: { id: counterId("key", seeded.aliceKeyId, window, NOW), scope: "key", scopeId: seeded.aliceKeyId, window, windowStart: NOW, reservedMicros: 400n },
    });
  }
  // Yesterday's counter of the project key still holds room: not a current window.
  const yesterday = new Date(NOW.getTime() - 86_400_000);
  await db.spendCounter.create({
    data: { id: counterId("key", seeded.projectKeyId, "daily", yesterday), scope: "key", scopeId: seeded.projectKeyId, window: "daily", windowStart: yesterday, reservedMicros: 999n },
  });
  const refusal = (id: string, time: Date, status: number, errorCode: string, apiKeyId = seeded.aliceKeyId) => ({
    id,
    time,
    organizationId: seeded.organizationId,
    apiKeyId,
    membershipId: apiKeyId === seeded.aliceKeyId ? seeded.aliceMembershipId : seeded.bobMembershipId,
    status,
    attempts: 0,
    errorCode,
    errorMessage: `${errorCode} message`,
  });
  await db.usageRecord.createMany({
    data: [
      refusal("refused-1", new Date("2026-04-02T09:00:00.000Z"), 429, "spending_limit_exceeded"),
      refusal("refused-2", new Date("2026-04-02T15:00:00.000Z"), 402, "insufficient_balance"),
      refusal("refused-old", new Date("2026-04-01T23:59:00.000Z"), 429, "spending_limit_exceeded"),
      refusal("refused-bob", new Date("2026-04-02T10:00:00.000Z"), 403, "key_disabled", seeded.bobKeyId),
      // Forwarded and failed upstream: not a refusal.
      { ...refusal("upstream-500", new Date("2026-04-02T11:00:00.000Z"), 502, "upstream_unavailable"), attempts: 2 },
    ],
  });
});

describe("getKeyHolds", () => {
  it("shows an admin the held room of current windows and today's refusals with the newest message", async () => {
    const report = await getKeyHolds({ organizationId: seeded.organizationId, role: "admin", membershipId: seeded.adminMembershipId }, NOW);
    const alice = report.items.find((item) => item.keyId === seeded.aliceKeyId);
    expect(alice).toEqual({
      keyId: seeded.aliceKeyId,
      held: { daily: 0.0004, weekly: 0, monthly: 0.0004, total: 0 },
      refusedToday: 2,
      lastRefusal: { time: "2026-04-02T15:00:00.000Z", status: 402, code: "insufficient_balance", message: "insufficient_balance message" },
    });
    expect(report.items.find((item) => item.keyId === seeded.bobKeyId)?.refusedToday).toBe(1);
    // Yesterday's hold and nothing refused today: the project key is not listed.
    expect(report.items.map((item) => item.keyId)).not.toContain(seeded.projectKeyId);
  });

  it("shows a member only their own keys", async () => {
    const report = await getKeyHolds({ organizationId: seeded.organizationId, role: "member", membershipId: seeded.bobMembershipId }, NOW);
    expect(report.items.map((item) => item.keyId)).toEqual([seeded.bobKeyId]);
    expect(await getKeyHolds({ organizationId: seeded.organizationId, role: "member", membershipId: null }, NOW)).toEqual({ items: [] });
  });

  it("never shows another organization's keys", async () => {
    const report = await getKeyHolds({ organizationId: seeded.otherOrganizationId, role: "admin", membershipId: null }, NOW);
    expect(report.items).toEqual([]);
  });
});
