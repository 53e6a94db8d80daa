// The lease counter store: all-or-nothing holds, settling to the real cost,
// limits exact across two stores (two processes) sharing one database, and the
// room of a process that died coming back once its leases expire.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/helpers/test-database";
import type { LimitCheck } from "./counter-store";

useTestDatabase();

const { db } = await import("../db");
const { LeaseCounterStore } = await import("./lease-counter-store");
const { hotPathDatabase } = await import("../hot-path-db");
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

const newStore = () => new LeaseCounterStore(hotPathDatabase, 60_000);

async function settleAll(store: InstanceType<typeof LeaseCounterStore>, results: Awaited<ReturnType<typeof reserveMany>>, actualMicros = 0n) {
  for (const result of results) if (result.ok) await store.settle(result.reservation, actualMicros, 0n);
}

function reserveMany(store: InstanceType<typeof LeaseCounterStore>, check: LimitCheck, count: number, amountMicros: bigint, prefix: string) {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      store.reserve({ requestId: `${prefix}${index}`, organizationId, checks: [check], balanceOrganizationId: null, amountMicros }),
    ),
  );
}

describe("LeaseCounterStore", () => {
  it("holds nothing when one of several limits refuses, and hands every lease back on close", async () => {
    const store = newStore();
    const roomy = totalCheck("roomy", 1_000_000n);
    const tight = totalCheck("tight", 10n);
    const result = await store.reserve({ requestId: "r1", organizationId, checks: [roomy, tight], balanceOrganizationId: null, amountMicros: 500n });
    expect(result).toMatchObject({ ok: false, failure: { kind: "limit", check: { counterId: tight.counterId } } });
    // The refused request holds nothing: the roomy lease's whole room is still free for the next one.
    const next = await store.reserve({ requestId: "r1b", organizationId, checks: [roomy], balanceOrganizationId: null, amountMicros: 499_000n });
    if (!next.ok) throw new Error("expected a reservation");
    await store.settle(next.reservation, 0n, 0n);
    await store.close();
    expect((await counter(roomy.counterId)).reservedMicros).toBe(0n);
    expect(await db.reservation.count({ where: { id: { contains: roomy.counterId } } })).toBe(0);
  });

  it("settles to the real cost without a database write per request", async () => {
    const store = newStore();
    const check = totalCheck("settle", 1_000_000n);
    const first = await store.reserve({ requestId: "r2", organizationId, checks: [check], balanceOrganizationId: null, amountMicros: 700n });
    if (!first.ok) throw new Error("expected a reservation");
    const leased = (await counter(check.counterId)).reservedMicros;
    expect(leased).toBeGreaterThanOrEqual(700n);
    await store.settle(first.reservation, 300n, 0n);
    // More requests are served from the lease: the database's hold does not move.
    for (let index = 0; index < 5; index++) {
      const more = await store.reserve({ requestId: `r2-${index}`, organizationId, checks: [check], balanceOrganizationId: null, amountMicros: 700n });
      if (!more.ok) throw new Error("expected a reservation");
      await store.settle(more.reservation, 300n, 0n);
    }
    expect((await counter(check.counterId)).reservedMicros).toBe(leased);
    await store.flush();
    expect((await counter(check.counterId)).spentMicros).toBe(1800n);
    await store.close();
    expect(await counter(check.counterId)).toMatchObject({ reservedMicros: 0n, spentMicros: 1800n });
  });

  it("never lets parallel holds exceed the limit", async () => {
    const store = newStore();
    const check = totalCheck("parallel", 1000n);
    const results = await reserveMany(store, check, 50, 100n, "p");
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    expect((await counter(check.counterId)).reservedMicros).toBe(1000n);
    await store.close();
  });

  it("keeps two processes sharing the database within the limit together", async () => {
    const [left, right] = [newStore(), newStore()];
    const check = totalCheck("two-processes", 1000n);
    const results = await Promise.all([reserveMany(left, check, 30, 100n, "l"), reserveMany(right, check, 30, 100n, "r")]);
    const granted = results.flat().filter((result) => result.ok).length;
    expect(granted).toBeLessThanOrEqual(10);
    expect(granted).toBeGreaterThanOrEqual(9);
    expect((await counter(check.counterId)).reservedMicros).toBeLessThanOrEqual(1000n);
    await settleAll(left, results[0]);
    await settleAll(right, results[1]);
    await Promise.all([left.close(), right.close()]);
    expect((await counter(check.counterId)).reservedMicros).toBe(0n);
  });

  it("gives a dead process's room to another once its lease expires, and never releases it twice", async () => {
    const crashed = newStore();
    const check = totalCheck("crashed", 1000n);
    const held = await crashed.reserve({ requestId: "crash-1", organizationId, checks: [check], balanceOrganizationId: null, amountMicros: 400n });
    if (!held.ok) throw new Error("expected a reservation");
    const survivor = newStore();
    const survivorResults = await reserveMany(survivor, check, 10, 100n, "s");
    expect(survivorResults.filter((result) => result.ok).length).toBeLessThan(10);
    await settleAll(survivor, survivorResults);
    await survivor.close();
    await db.reservation.updateMany({ where: { id: { contains: check.counterId } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    // Once expired, the full room is usable again (the survivor's request sweeps the dead lease).
    const after = newStore();
    const results = await reserveMany(after, check, 10, 100n, "a");
    expect(results.filter((result) => result.ok)).toHaveLength(10);
    await settleAll(after, results);
    // A late settle of the dead process records its spend without releasing the swept room again.
    await crashed.settle(held.reservation, 250n, 0n);
    await crashed.flush();
    expect(await counter(check.counterId)).toMatchObject({ spentMicros: 250n });
    await after.close();
    expect((await counter(check.counterId)).reservedMicros).toBe(0n);
  });

  it("holds and debits the prepaid balance", async () => {
    const store = newStore();
    await db.balance.update({ where: { organizationId }, data: { balanceMicros: 1000n } });
    const refused = await store.reserve({ requestId: "b0", organizationId, checks: [], balanceOrganizationId: organizationId, amountMicros: 5000n });
    expect(refused).toMatchObject({ ok: false, failure: { kind: "balance", balanceMicros: 1000n } });
    const held = await store.reserve({ requestId: "b1", organizationId, checks: [], balanceOrganizationId: organizationId, amountMicros: 800n });
    if (!held.ok) throw new Error("expected a reservation");
    expect((await store.reserve({ requestId: "b2", organizationId, checks: [], balanceOrganizationId: organizationId, amountMicros: 800n })).ok).toBe(false);
    await store.settle(held.reservation, 600n, 600n);
    await store.close();
    expect(await db.balance.findUniqueOrThrow({ where: { organizationId } })).toMatchObject({ balanceMicros: 400n, reservedMicros: 0n });
  });
});
