// The counter store of the hot path: limits enforced from budget leases held
// in memory (see budget-lease.ts), so steady traffic reserves and settles with
// no database round trip.
//
// The bound: the database grants a lease only from room nobody holds
// (limit − spent − every process's leases), in one transaction, and a process
// reserves only from its own lease's free room. So requests in one process or
// in many never hold more than the limit together, and recorded spend passes
// it only by what a request costs beyond its own reservation (its
// under-estimate). Leases are renewed while their process lives; a process that
// dies stops renewing, and after GATEWAY_LEASE_TTL_MS its room returns.
import { randomBytes } from "node:crypto";
import { afterBalanceDebit } from "../balance/auto-recharge";
import { sqlTime } from "../hot-path-db/sql-time";
import type { HotPathDatabase, LeaseTarget } from "../hot-path-db/types";
import { BudgetLease } from "./budget-lease";
import type { CounterStore, LimitCheck, Reservation, ReservationRequest, ReserveFailure, ReserveResult } from "./counter-store";

/** How often spend is written and idle room handed back. */
const FLUSH_INTERVAL_MS = 200;
/** A lease unused this long returns its free room, so other processes can use it. */
const IDLE_RETURN_MS = 1_000;
/** A first grant covers this many requests of the size that asked. */
const REQUESTS_PER_GRANT = 64n;

function counterTarget(check: LimitCheck): LeaseTarget {
  return {
    kind: "counter",
    counterId: check.counterId,
    scope: check.scope,
    scopeId: check.scopeId,
    window: check.window,
    windowStart: sqlTime(check.windowStart),
    limitMicros: check.limitMicros,
  };
}

const max = (left: bigint, right: bigint) => (left > right ? left : right);
const min = (left: bigint, right: bigint) => (left < right ? left : right);

export class LeaseCounterStore implements CounterStore {
  private readonly leases = new Map<string, BudgetLease>();
  private readonly processToken = randomBytes(6).toString("hex");
  private flushing: Promise<void> | null = null;
  private lastRenewal = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly database: () => HotPathDatabase,
    private readonly leaseTtlMs: number,
  ) {}

  async reserve(request: ReservationRequest): Promise<ReserveResult> {
    // Even a request estimated at $0 must not pass a limit that is already spent.
    const amount = request.amountMicros > 0n ? request.amountMicros : 1n;
    const leases = request.checks.map((check) => this.counterLease(check, request.organizationId));
    if (request.balanceOrganizationId) leases.push(this.balanceLease(request.balanceOrganizationId));
    for (let round = 0; ; round++) {
      const waiting = leases.find((lease) => lease.returning);
      if (waiting) {
        await waiting.returning;
        continue;
      }
      const short = leases.find((lease) => lease.free < amount);
      if (!short) break; // every lease has room: hold on all of them at once, with no await in between
      const grew = await this.grow(short, amount);
      if ((!grew && short.free < amount) || round > 50) return { ok: false, failure: this.failureOf(short) };
    }
    const now = Date.now();
    for (const lease of leases) {
      lease.held += amount;
      lease.lastUsedAt = now;
      // Top up in the background before the room runs out, so the next requests need not wait.
      if (lease.free < lease.lastGrant / 4n && !lease.growing) void this.grow(lease, amount);
    }
    this.startTimer();
    return {
      ok: true,
      reservation: {
        id: request.requestId,
        counterIds: request.checks.map((check) => check.counterId),
        balanceOrganizationId: request.balanceOrganizationId,
        amountMicros: amount,
      },
    };
  }

  async settle(reservation: Reservation, actualMicros: bigint, balanceMicros: bigint): Promise<void> {
    for (const counterId of reservation.counterIds) this.release(`counter:${counterId}`, reservation.amountMicros, actualMicros);
    if (reservation.balanceOrganizationId) this.release(`balance:${reservation.balanceOrganizationId}`, reservation.amountMicros, balanceMicros);
  }

  releaseExpired(now: Date): Promise<number> {
    return this.database().releaseExpired(sqlTime(now));
  }

  /** Write every settled cost now (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.writeLeases(false).finally(() => (this.flushing = null));
    await this.flushing;
  }

  /** On shutdown: write spend and hand every lease's room back. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    while (this.flushing) await this.flushing;
    await Promise.all([...this.leases.values()].map((lease) => lease.growing));
    await this.writeLeases(true);
  }

  private release(leaseKey: string, reserved: bigint, actual: bigint): void {
    const lease = this.leases.get(leaseKey);
    if (!lease) return;
    lease.held -= reserved;
    lease.unflushed += actual;
    lease.lastUsedAt = Date.now();
  }

  private counterLease(check: LimitCheck, organizationId: string): BudgetLease {
    const leaseKey = `counter:${check.counterId}`;
    let lease = this.leases.get(leaseKey);
    if (!lease) {
      lease = new BudgetLease({ id: this.leaseId(leaseKey), organizationId }, counterTarget(check), check);
      this.leases.set(leaseKey, lease);
    } else if (lease.check && lease.check.limitMicros !== check.limitMicros && !lease.returning) {
      // The limit changed: room granted under the old one goes back before anything is reserved under the new one.
      lease.check = check;
      lease.target = counterTarget(check);
      lease.returning = this.giveBack(lease);
    }
    return lease;
  }

  private balanceLease(organizationId: string): BudgetLease {
    const leaseKey = `balance:${organizationId}`;
    let lease = this.leases.get(leaseKey);
    if (!lease) {
      lease = new BudgetLease({ id: this.leaseId(leaseKey), organizationId }, { kind: "balance", organizationId }, null);
      this.leases.set(leaseKey, lease);
    }
    return lease;
  }

  private leaseId(leaseKey: string): string {
    return `lease:${this.processToken}:${leaseKey}`;
  }

  /** Ask the database for more room: at least what this request lacks, more while traffic keeps coming. */
  private grow(lease: BudgetLease, amount: bigint): Promise<boolean> {
    if (lease.growing) return lease.growing;
    const need = max(amount - lease.free, 1n);
    const want = max(max(need, amount * REQUESTS_PER_GRANT), lease.lastGrant * 2n);
    const now = Date.now();
    lease.growing = this.database()
      .acquireLease({ lease: lease.identity, target: lease.target, need, want, now: sqlTime(now), expiresAt: sqlTime(now + this.leaseTtlMs) })
      .then(({ granted, room }) => {
        lease.granted += granted;
        lease.lastRoom = room - granted;
        lease.databaseFailed = false;
        if (granted > 0n) lease.lastGrant = granted;
        return granted > 0n;
      })
      .catch((error) => {
        console.error("[limits] taking a budget lease failed", error);
        lease.databaseFailed = true;
        return false;
      })
      .finally(() => {
        lease.growing = null;
      });
    this.startTimer();
    return lease.growing;
  }

  /** Write spend and return all free room of one lease (a limit changed). */
  private async giveBack(lease: BudgetLease): Promise<void> {
    while (lease.growing) await lease.growing;
    try {
      await this.writeLease(lease, true);
    } finally {
      lease.returning = null;
      lease.lastGrant = 0n;
    }
  }

  private failureOf(lease: BudgetLease): ReserveFailure {
    if (lease.databaseFailed) return { kind: "unavailable" };
    if (lease.check) return { kind: "limit" as const, check: lease.check };
    return { kind: "balance" as const, balanceMicros: max(lease.lastRoom + max(lease.free, 0n), 0n) };
  }

  private startTimer(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => {
      if (this.flushing) return;
      this.flushing = this.writeLeases(false).finally(() => (this.flushing = null));
    }, FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  private async writeLeases(closing: boolean): Promise<void> {
    const now = Date.now();
    for (const [leaseKey, lease] of this.leases) {
      if (lease.returning) continue;
      const idle = lease.idle && now - lease.lastUsedAt > IDLE_RETURN_MS;
      if (lease.unflushed === 0n && !idle && !closing) continue;
      if (lease.granted === 0n && lease.unflushed === 0n && lease.idle) {
        this.leases.delete(leaseKey); // nothing held in the database: just forget it
        continue;
      }
      try {
        if (idle || closing) {
          // Reservations wait while room is handed back, so none is made from room that is leaving.
          lease.returning = this.writeLease(lease, true).finally(() => (lease.returning = null));
          await lease.returning;
        } else await this.writeLease(lease, false);
        if (lease.granted === 0n && lease.unflushed === 0n && lease.idle) this.leases.delete(leaseKey);
      } catch (error) {
        console.error("[limits] writing spend to the database failed; it stays in memory and is retried", error);
      }
    }
    if (now - this.lastRenewal > this.leaseTtlMs / 3 && this.leases.size) {
      this.lastRenewal = now;
      const ids = [...this.leases.values()].filter((lease) => lease.granted > 0n).map((lease) => lease.identity.id);
      if (ids.length) await this.database().renewLeases(ids, sqlTime(now + this.leaseTtlMs)).catch((error) => console.error("[limits] renewing leases failed", error));
    }
  }

  /** Record the lease's spend; with returnRoom, also give back its free room (and delete it when empty). */
  private async writeLease(lease: BudgetLease, returnRoom: boolean): Promise<void> {
    const spent = lease.unflushed;
    const release = returnRoom ? max(lease.granted - lease.held, 0n) : min(spent, lease.granted);
    const result = await this.database().settleLease({
      lease: lease.identity,
      target: lease.target,
      spent,
      release,
      expiresAt: sqlTime(Date.now() + this.leaseTtlMs),
      close: returnRoom && lease.held === 0n,
    });
    lease.unflushed -= spent;
    // A lease swept while this process stalled holds nothing any more: later requests take a new one.
    lease.granted = result.alive ? lease.granted - result.released : 0n;
    if (lease.target.kind === "balance" && spent > 0n) void afterBalanceDebit(lease.target.organizationId);
  }
}
