// The database counter store: all-or-nothing holds, settling to the real cost,
// and the sweeper releasing holds of a process that died before settling.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import type { LimitCheck } from "./counter-store";

useTestDatabase();

const { db } = await import("../db");
const { SqlCounterStore } = await import("./sql-counter-store");
const { counterId, windowStart } = await import("./windows");

let organizationId: string;

beforeAll(async () => {
  const { createOrganization } = await import("../organizations/default-organization");
  organizationId = (await createOrganization("Counters")).id;
});

function totalCheck(scopeId: string, limitMicros: bigint): LimitCheck {
  const now = new Date();
  return { counterId: counterId("key", scopeId, "total", now), scope: "key", scopeId, window: "total", windowStart: windowStart("total", now), limitMicros, resetsAt: null };
}

async function counter(id: string) {
  return db.spendCounter.findUniqueOrThrow({ where: { id } });
}

describe("SqlCounterStore", () => {
  it("holds nothing when one of several limits refuses", async () => {
    const store = new SqlCounterStore();
    const roomy = totalCheck("roomy", 1_000_000n);
    const tight = totalCheck("tight", 10n);
    const result = await store.reserve({ requestId: "r1", organizationId, checks: [roomy, tight], balanceOrganizationId: null, amountMicros: 500n });
    expect(result.ok).toBe(false);
    expect((await counter(roomy.counterId)).reservedMicros).toBe(0n);
  });

  it("settles to the real cost and releases the hold", async () => {
    const store = new SqlCounterStore();
    const check = totalCheck("settle", 1_000_000n);
    const result = await store.reserve({ requestId: "r2", organizationId, checks: [check], balanceOrganizationId: null, amountMicros: 700n });
    if (!result.ok) throw new Error("expected a reservation");
    expect((await counter(check.counterId)).reservedMicros).toBe(700n);
    await store.settle(result.reservation, 300n, 0n);
    expect(await counter(check.counterId)).toMatchObject({ reservedMicros: 0n, spentMicros: 300n });
  });

  it("never lets parallel holds exceed the limit", async () => {
    const store = new SqlCounterStore();
    const check = totalCheck("parallel", 1000n);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => store.reserve({ requestId: `p${index}`, organizationId, checks: [check], balanceOrganizationId: null, amountMicros: 100n })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    expect((await counter(check.counterId)).reservedMicros).toBe(1000n);
  });

  it("releases expired holds once, even if the request settles afterwards", async () => {
    const store = new SqlCounterStore();
    const check = totalCheck("crashed", 1_000_000n);
    const result = await store.reserve({ requestId: "crash-1", organizationId, checks: [check], balanceOrganizationId: null, amountMicros: 400n });
    if (!result.ok) throw new Error("expected a reservation");
    await db.reservation.update({ where: { id: "crash-1" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await store.releaseExpired(new Date())).toBe(1);
    expect((await counter(check.counterId)).reservedMicros).toBe(0n);
    expect(await store.releaseExpired(new Date())).toBe(0);
    // A late settle records the spend without releasing the hold a second time.
    await store.settle(result.reservation, 250n, 0n);
    expect(await counter(check.counterId)).toMatchObject({ reservedMicros: 0n, spentMicros: 250n });
  });

  it("holds and debits the prepaid balance", async () => {
    const store = new SqlCounterStore();
    await db.balance.update({ where: { organizationId }, data: { balanceMicros: 1000n } });
    const refused = await store.reserve({ requestId: "b0", organizationId, checks: [], balanceOrganizationId: organizationId, amountMicros: 5000n });
    expect(refused).toMatchObject({ ok: false, failure: { kind: "balance" } });
    const held = await store.reserve({ requestId: "b1", organizationId, checks: [], balanceOrganizationId: organizationId, amountMicros: 800n });
    if (!held.ok) throw new Error("expected a reservation");
    expect((await store.reserve({ requestId: "b2", organizationId, checks: [], balanceOrganizationId: organizationId, amountMicros: 800n })).ok).toBe(false);
    await store.settle(held.reservation, 600n, 600n);
    expect(await db.balance.findUniqueOrThrow({ where: { organizationId } })).toMatchObject({ balanceMicros: 400n, reservedMicros: 0n });
  });
});
