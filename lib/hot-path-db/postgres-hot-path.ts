// The hot path on PostgreSQL, through a pg pool of its own (Prisma keeps its
// pool for the dashboard). Several processes share the database: leases move
// room with single conditional statements (postgres-lease-sql.ts), usage rows
// go in multi-row INSERTs and the hourly rollups in one multi-row upsert
// (ON CONFLICT … DO UPDATE adds to what other processes wrote in the same hour).
import pg from "pg";
import { acquireStatement, createCounterStatement, RELEASE_EXPIRED, RENEW_LEASES, settleStatement, targetKey } from "./postgres-lease-sql";
import type { AcquireLeaseArgs, HotPathDatabase, SettleLeaseArgs, SettleLeaseResult, UsageBatch } from "./types";

/** PostgreSQL allows 65,535 parameters per statement: rows per INSERT stay well below. */
const ROWS_PER_STATEMENT = 500;

const bigintOrNull = (value: string | null) => (value === null ? null : BigInt(value));

export class PostgresHotPath implements HotPathDatabase {
  private readonly pool: pg.Pool;

  constructor(connectionString: string, connectionTimeoutMs = 5_000) {
    // While the database is down, a call fails within the timeout and the caller falls back (spool, 503).
    this.pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: connectionTimeoutMs, idleTimeoutMillis: 30_000 });
    // An idle connection dropped by a database restart must not crash the process; the next query reconnects.
    this.pool.on("error", (error) => console.error("[hot-path-db] an idle PostgreSQL connection failed:", error.message));
  }

  async acquireLease({ lease, target, need, want, now, expiresAt }: AcquireLeaseArgs): Promise<{ granted: bigint; room: bigint }> {
    const counterIds = JSON.stringify(target.kind === "balance" ? [] : [target.counterId]);
    const balanceOrgId = target.kind === "balance" ? target.organizationId : null;
    const limit = target.kind === "counter" ? target.limitMicros : 0n;
    const attempt = async () => {
      const { rows } = await this.pool.query(acquireStatement(target), [targetKey(target), need, want, limit, lease.id, lease.organizationId, counterIds, balanceOrgId, expiresAt, now]);
      return { room: bigintOrNull(rows[0].room), granted: bigintOrNull(rows[0].granted) ?? 0n };
    };
    let result = await attempt();
    if (result.room === null && target.kind === "counter") {
      await this.pool.query(createCounterStatement(target.scope), [target.counterId, target.scope, target.scopeId, target.window, target.windowStart]);
      result = await attempt();
    }
    if (result.granted === 0n && (await this.releaseExpired(now)) > 0) result = await attempt();
    return { granted: result.granted, room: result.room ?? 0n };
  }

  async settleLease({ lease, target, spent, release, expiresAt, close }: SettleLeaseArgs): Promise<SettleLeaseResult> {
    const { rows } = await this.pool.query(settleStatement(target), [targetKey(target), spent, release, lease.id, close, expiresAt]);
    const row = rows[0];
    return { alive: Number(row.alive) > 0, released: BigInt(row.released), remaining: BigInt(row.remaining), balanceMicros: bigintOrNull(row.balance) };
  }

  async renewLeases(ids: string[], expiresAt: string): Promise<number> {
    return (await this.pool.query(RENEW_LEASES, [expiresAt, ids])).rowCount ?? 0;
  }

  async releaseExpired(now: string): Promise<number> {
    return Number((await this.pool.query(RELEASE_EXPIRED, [now])).rows[0].released);
  }

  /**
   * In one transaction: insert the rows (a replayed row already present is
   * skipped), then add only the inserted ones to the rollups, so a batch
   * written twice never counts twice.
   */
  async writeUsage({ table, columns, rows, rollup, keyTouches }: UsageBatch): Promise<{ inserted: number }> {
    const idColumn = columns.indexOf("id");
    const client = await this.pool.connect();
    let failure: Error | undefined;
    // A connection lost while checked out also emits 'error' on the client: the failed query already reports it.
    const ignore = () => {};
    client.on("error", ignore);
    try {
      await client.query("BEGIN");
      const insertedIds = new Set<string>();
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        const sql = `INSERT INTO "${table}" (${quoted(columns)}) VALUES ${placeholders(chunk.length, columns.length)} ON CONFLICT DO NOTHING RETURNING "id"`;
        const result = await client.query(sql, chunk.flat());
        for (const row of result.rows) insertedIds.add(row.id);
      }
      const increments = new Map<string, { keyValues: unknown[]; values: bigint[] }>();
      rows.forEach((row, index) => {
        if (!insertedIds.has(row[idColumn] as string)) return;
        const [keyValues, values] = rollup.rows[index];
        const text = JSON.stringify(keyValues);
        const sums = increments.get(text);
        if (!sums) increments.set(text, { keyValues, values: [...values] });
        else values.forEach((value, position) => (sums.values[position] += value));
      });
      if (increments.size) {
        // Sorted, so two processes upserting the same rows lock them in the same order (no deadlock).
        const entries = [...increments.entries()].sort(([left], [right]) => (left < right ? -1 : 1)).map(([, entry]) => entry);
        const names = ["id", ...rollup.keyColumns, ...rollup.sumColumns];
        const sums = rollup.sumColumns.map((name) => `"${name}" = "${rollup.table}"."${name}" + excluded."${name}"`).join(", ");
        const sql = `INSERT INTO "${rollup.table}" (${quoted(names)}) VALUES ${placeholders(entries.length, names.length)}
          ON CONFLICT (${quoted(rollup.keyColumns)}) DO UPDATE SET ${sums}`;
        await client.query(sql, entries.flatMap(({ keyValues, values }) => [crypto.randomUUID(), ...keyValues, ...values]));
      }
      for (const [keyId, time] of [...keyTouches].sort(([left], [right]) => (left < right ? -1 : 1))) {
        await client.query(`UPDATE "ApiKey" SET "lastUsedAt" = $1::timestamp WHERE "id" = $2 AND ("lastUsedAt" IS NULL OR "lastUsedAt" < $1::timestamp)`, [time, keyId]);
      }
      await client.query("COMMIT");
      return { inserted: insertedIds.size };
    } catch (error) {
      failure = error as Error;
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.off("error", ignore);
      client.release(failure); // a failed connection is closed, not returned to the pool
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}

/** ($1, $2, …), ($n+1, …) for `rowCount` rows of `width` values. */
function placeholders(rowCount: number, width: number): string {
  const groups: string[] = [];
  for (let row = 0; row < rowCount; row++) {
    const values: string[] = [];
    for (let column = 1; column <= width; column++) values.push(`$${row * width + column}`);
    groups.push(`(${values.join(", ")})`);
  }
  return groups.join(", ");
}
