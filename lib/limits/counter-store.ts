// Spend counters behind one interface (lease-counter-store.ts implements it).
// A reservation holds the worst-case cost of one request against every limit
// that applies; settling replaces it with the real cost.
import type { LimitWindow } from "./windows";

export interface LimitCheck {
  counterId: string;
  scope: "key" | "member";
  scopeId: string;
  window: LimitWindow;
  windowStart: Date;
  limitMicros: bigint;
  resetsAt: Date | null;
}

export interface ReservationRequest {
  requestId: string;
  organizationId: string;
  checks: LimitCheck[];
  /** Set when the request draws on the organization's prepaid balance (built-in providers). */
  balanceOrganizationId: string | null;
  amountMicros: bigint;
}

export interface Reservation {
  id: string;
  counterIds: string[];
  balanceOrganizationId: string | null;
  amountMicros: bigint;
}

export type ReserveFailure =
  | { kind: "limit"; check: LimitCheck }
  | { kind: "balance"; balanceMicros: bigint }
  /** The database could not be asked for room (down or unreachable): the request is not refused for spend. */
  | { kind: "unavailable" };

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; failure: ReserveFailure };

export interface CounterStore {
  /** Atomically hold amountMicros against every check and the balance, or nothing at all. */
  reserve(request: ReservationRequest): Promise<ReserveResult>;
  /**
   * Release the hold and record the real cost: actualMicros on the limit counters,
   * balanceMicros on the balance (0 when a BYOK member of a group served the request).
   */
  settle(reservation: Reservation, actualMicros: bigint, balanceMicros: bigint): Promise<void>;
  /** Release holds whose process died before settling them. */
  releaseExpired(now: Date): Promise<number>;
  /** Write settled spend to the database now. */
  flush(): Promise<void>;
  /** Write everything and hand held room back (graceful shutdown). */
  close(): Promise<void>;
}
