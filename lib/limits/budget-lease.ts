// One process's lease on one budget (a spend counter or a prepaid balance):
// room taken from the database ahead of need and spent in memory, so a
// request reserves without a database round trip. The database counts the
// whole lease as held, so what every process may spend together never
// exceeds the limit.
import type { LeaseIdentity, LeaseTarget } from "../hot-path-db/types";
import type { LimitCheck } from "./counter-store";

export class BudgetLease {
  /** Room this process holds in the database (part of the target's reservedMicros). */
  granted = 0n;
  /** Reservations of requests still running. */
  held = 0n;
  /** Real cost of finished requests, not yet written to the database. */
  unflushed = 0n;
  /** The last grant's size: the next one may double it while traffic keeps coming. */
  lastGrant = 0n;
  /** The room the database reported at the last grant (for refusal messages). */
  lastRoom = 0n;
  /** The last grant failed on the database (down, unreachable) rather than being refused. */
  databaseFailed = false;
  lastUsedAt = Date.now();
  /** A grant in progress, shared by every request that waits on it. */
  growing: Promise<boolean> | null = null;
  /** A write in progress that gives room back: reservations wait for it. */
  returning: Promise<void> | null = null;

  constructor(
    readonly identity: LeaseIdentity,
    public target: LeaseTarget,
    /** The limit this lease enforces (null for a balance). */
    public check: LimitCheck | null,
  ) {}

  /** Room left to reserve from. Negative when a request cost more than it reserved. */
  get free(): bigint {
    return this.granted - this.held - this.unflushed;
  }

  get idle(): boolean {
    return this.held === 0n && this.growing === null;
  }
}
