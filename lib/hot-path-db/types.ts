// The writes the proxy makes on its own hot path, behind one interface so
// SQLite (a worker thread) and PostgreSQL (a pooled client) both serve them.
// Times are passed as the database's own text form (see sql-time.ts).

export type LeaseTarget =
  | {
      kind: "counter";
      counterId: string;
      scope: "key" | "member";
      scopeId: string;
      window: string;
      windowStart: string;
      limitMicros: bigint;
    }
  | { kind: "balance"; organizationId: string };

export interface LeaseIdentity {
  id: string;
  organizationId: string;
}

export interface AcquireLeaseArgs {
  lease: LeaseIdentity;
  target: LeaseTarget;
  need: bigint;
  want: bigint;
  now: string;
  expiresAt: string;
}

export interface SettleLeaseArgs {
  lease: LeaseIdentity;
  target: LeaseTarget;
  spent: bigint;
  release: bigint;
  expiresAt: string;
  /** Delete the lease row once nothing is left on it. */
  close: boolean;
}

export interface SettleLeaseResult {
  alive: boolean;
  released: bigint;
  remaining: bigint;
  balanceMicros: bigint | null;
}

/** Rows for one table with an explicit column list, plus what each row adds to the rollups. */
export interface UsageBatch {
  table: string;
  columns: readonly string[];
  rows: unknown[][];
  rollup: {
    table: string;
    keyColumns: readonly string[];
    sumColumns: readonly string[];
    /** Per row: [rollup key values, values to add]. */
    rows: Array<[unknown[], bigint[]]>;
  };
  keyTouches: Array<[string, string]>;
}

export interface HotPathDatabase {
  acquireLease(args: AcquireLeaseArgs): Promise<{ granted: bigint; room: bigint }>;
  settleLease(args: SettleLeaseArgs): Promise<SettleLeaseResult>;
  renewLeases(ids: string[], expiresAt: string): Promise<number>;
  releaseExpired(now: string): Promise<number>;
  writeUsage(batch: UsageBatch): Promise<{ inserted: number }>;
  close(): Promise<void>;
}
