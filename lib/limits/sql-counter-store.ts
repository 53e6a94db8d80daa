// The counter store on the database itself: every hold is a conditional UPDATE
// ("add my amount only if the total stays within the limit"), which the
// database applies atomically, so limits hold across requests and across
// processes sharing the database. Plain SQL that SQLite and PostgreSQL share.
import { db } from "../db";
import type { CounterStore, LimitCheck, Reservation, ReservationRequest, ReserveResult } from "./counter-store";
import { afterBalanceDebit } from "../balance/auto-recharge";
import { spentSince } from "./window-spend";

/** How long a hold survives a crashed process before the sweeper releases it. */
export const RESERVATION_TTL_MS = 30 * 60_000;

export class SqlCounterStore implements CounterStore {
  private readonly knownCounters = new Set<string>();

  async reserve(request: ReservationRequest): Promise<ReserveResult> {
    // Even a request estimated at $0 must not pass a limit that is already spent.
    const amount = request.amountMicros > 0n ? request.amountMicros : 1n;
    const held: LimitCheck[] = [];
    for (const check of request.checks) {
      await this.ensureCounter(check);
      let updated = await this.holdOnCounter(check, amount);
      if (updated !== 1 && !(await db.spendCounter.findUnique({ where: { id: check.counterId }, select: { id: true } }))) {
        // The counter was dropped by a limit change since we last saw it: seed it again and retry.
        this.knownCounters.delete(check.counterId);
        await this.ensureCounter(check);
        updated = await this.holdOnCounter(check, amount);
      }
      if (updated !== 1) {
        await this.releaseCounters(held.map((heldCheck) => heldCheck.counterId), amount);
        return { ok: false, failure: { kind: "limit", check } };
      }
      held.push(check);
    }
    if (request.balanceOrganizationId) {
      const updated = await db.$executeRaw`
        UPDATE "Balance" SET "reservedMicros" = "reservedMicros" + ${amount}
        WHERE "organizationId" = ${request.balanceOrganizationId} AND "balanceMicros" - "reservedMicros" - ${amount} >= 0`;
      if (updated !== 1) {
        await this.releaseCounters(held.map((heldCheck) => heldCheck.counterId), amount);
        const balance = await db.balance.findUnique({ where: { organizationId: request.balanceOrganizationId } });
        return { ok: false, failure: { kind: "balance", balanceMicros: (balance?.balanceMicros ?? 0n) - (balance?.reservedMicros ?? 0n) } };
      }
    }
    const reservation: Reservation = {
      id: request.requestId,
      counterIds: held.map((check) => check.counterId),
      balanceOrganizationId: request.balanceOrganizationId,
      amountMicros: amount,
    };
    if (reservation.counterIds.length || reservation.balanceOrganizationId) {
      await db.reservation.create({
        data: {
          id: reservation.id,
          organizationId: request.organizationId,
          counterIds: JSON.stringify(reservation.counterIds),
          balanceOrgId: reservation.balanceOrganizationId,
          amountMicros: amount,
          expiresAt: new Date(Date.now() + RESERVATION_TTL_MS),
        },
      });
    }
    return { ok: true, reservation };
  }

  async settle(reservation: Reservation, actualMicros: bigint, balanceMicros: bigint): Promise<void> {
    if (!reservation.counterIds.length && !reservation.balanceOrganizationId) return;
    // Whoever deletes the row releases the hold: settle or the sweeper, never both.
    const { count } = await db.reservation.deleteMany({ where: { id: reservation.id } });
    const release = count === 1 ? reservation.amountMicros : 0n;
    for (const id of reservation.counterIds) {
      await db.$executeRaw`
        UPDATE "SpendCounter" SET "reservedMicros" = "reservedMicros" - ${release}, "spentMicros" = "spentMicros" + ${actualMicros}
        WHERE "id" = ${id}`;
    }
    if (reservation.balanceOrganizationId) {
      await db.$executeRaw`
        UPDATE "Balance" SET "reservedMicros" = "reservedMicros" - ${release}, "balanceMicros" = "balanceMicros" - ${balanceMicros}
        WHERE "organizationId" = ${reservation.balanceOrganizationId}`;
      await afterBalanceDebit(reservation.balanceOrganizationId);
    }
  }

  async releaseExpired(now: Date): Promise<number> {
    const expired = await db.reservation.findMany({ where: { expiresAt: { lt: now } }, take: 500 });
    let released = 0;
    for (const row of expired) {
      const { count } = await db.reservation.deleteMany({ where: { id: row.id } });
      if (count !== 1) continue;
      await this.releaseCounters(JSON.parse(row.counterIds) as string[], row.amountMicros);
      if (row.balanceOrgId) {
        await db.$executeRaw`UPDATE "Balance" SET "reservedMicros" = "reservedMicros" - ${row.amountMicros} WHERE "organizationId" = ${row.balanceOrgId}`;
      }
      released++;
    }
    return released;
  }

  private holdOnCounter(check: LimitCheck, amount: bigint): Promise<number> {
    return db.$executeRaw`
      UPDATE "SpendCounter" SET "reservedMicros" = "reservedMicros" + ${amount}
      WHERE "id" = ${check.counterId} AND "spentMicros" + "reservedMicros" + ${amount} <= ${check.limitMicros}`;
  }

  private async releaseCounters(ids: string[], amount: bigint): Promise<void> {
    for (const id of ids) {
      await db.$executeRaw`UPDATE "SpendCounter" SET "reservedMicros" = "reservedMicros" - ${amount} WHERE "id" = ${id}`;
    }
  }

  private async ensureCounter(check: LimitCheck): Promise<void> {
    if (this.knownCounters.has(check.counterId)) return;
    try {
      const existing = await db.spendCounter.findUnique({ where: { id: check.counterId }, select: { id: true } });
      if (!existing) {
        // A limit enforced for the first time in this window starts from what was already spent.
        const alreadySpent = await spentSince(check.scope, check.scopeId, check.windowStart);
        await db.spendCounter.create({
          data: {
            id: check.counterId,
            scope: check.scope,
            scopeId: check.scopeId,
            window: check.window,
            windowStart: check.windowStart,
            spentMicros: alreadySpent,
          },
        });
      }
    } catch {
      // Another request created it at the same moment; it exists now either way.
    }
    if (this.knownCounters.size > 100_000) this.knownCounters.clear();
    this.knownCounters.add(check.counterId);
  }
}
