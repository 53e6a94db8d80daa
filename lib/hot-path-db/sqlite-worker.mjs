// The proxy's SQLite writer, on its own thread: better-sqlite3 is synchronous,
// so a write that waits on a lock (another process, the dashboard) would stall
// every request if it ran on the event loop. Here it stalls only this thread.
// Statements are prepared once for the thread's life. Plain JavaScript because
// a worker thread is started without the TypeScript loader of its parent.
//
// Messages in: { id, op, args }; out: { id, result } or { id, error }.
// Every operation is one IMMEDIATE transaction: it takes the write lock first,
// so its reads and writes see no other writer in between (on any process).
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const connection = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
connection.pragma("journal_mode = WAL");
connection.pragma("synchronous = NORMAL");
connection.defaultSafeIntegers(true); // money columns are BIGINT: read them as BigInt, never as lossy numbers

const statementCache = new Map();
function statement(sql) {
  let prepared = statementCache.get(sql);
  if (!prepared) {
    prepared = connection.prepare(sql);
    statementCache.set(sql, prepared);
  }
  return prepared;
}

const SQL = {
  counter: `SELECT "spentMicros", "reservedMicros" FROM "SpendCounter" WHERE "id" = ?`,
  insertCounter: `INSERT INTO "SpendCounter" ("id", "scope", "scopeId", "window", "windowStart", "spentMicros", "reservedMicros")
    VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING`,
  keySpentSince: `SELECT COALESCE(SUM("costMicros"), 0) AS "total" FROM "UsageHourly" WHERE "apiKeyId" = ? AND "hour" >= ?`,
  memberSpentSince: `SELECT COALESCE(SUM("costMicros"), 0) AS "total" FROM "UsageHourly" WHERE "membershipId" = ? AND "hour" >= ?`,
  holdOnCounter: `UPDATE "SpendCounter" SET "reservedMicros" = "reservedMicros" + ? WHERE "id" = ?`,
  spendOnCounter: `UPDATE "SpendCounter" SET "spentMicros" = "spentMicros" + ?, "reservedMicros" = "reservedMicros" - ? WHERE "id" = ?`,
  balance: `SELECT "balanceMicros", "reservedMicros" FROM "Balance" WHERE "organizationId" = ?`,
  holdOnBalance: `UPDATE "Balance" SET "reservedMicros" = "reservedMicros" + ? WHERE "organizationId" = ?`,
  spendOnBalance: `UPDATE "Balance" SET "balanceMicros" = "balanceMicros" - ?, "reservedMicros" = "reservedMicros" - ? WHERE "organizationId" = ?`,
  lease: `SELECT "amountMicros" FROM "Reservation" WHERE "id" = ?`,
  insertLease: `INSERT INTO "Reservation" ("id", "organizationId", "counterIds", "balanceOrgId", "amountMicros", "expiresAt", "createdAt")
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  updateLease: `UPDATE "Reservation" SET "amountMicros" = ?, "expiresAt" = ? WHERE "id" = ?`,
  renewLease: `UPDATE "Reservation" SET "expiresAt" = ? WHERE "id" = ?`,
  deleteLease: `DELETE FROM "Reservation" WHERE "id" = ?`,
  expired: `SELECT "id", "counterIds", "balanceOrgId", "amountMicros" FROM "Reservation" WHERE "expiresAt" < ? LIMIT 500`,
  touchKey: `UPDATE "ApiKey" SET "lastUsedAt" = ? WHERE "id" = ? AND ("lastUsedAt" IS NULL OR "lastUsedAt" < ?)`,
};

/** better-sqlite3 binds no booleans: SQLite stores them as 0/1, as Prisma does. */
const sqliteValue = (value) => (value === true ? 1 : value === false ? 0 : value);

const min = (left, right) => (left < right ? left : right);
const max = (left, right) => (left > right ? left : right);

/** The room left on a lease's target (limit minus spent minus every process's holds), creating a counter on first use. */
function roomOn(target) {
  if (target.kind === "balance") {
    const row = statement(SQL.balance).get(target.organizationId);
    return row ? row.balanceMicros - row.reservedMicros : 0n;
  }
  let row = statement(SQL.counter).get(target.counterId);
  if (!row) {
    // A limit enforced for the first time in this window starts from what was already spent.
    const spentSql = target.scope === "key" ? SQL.keySpentSince : SQL.memberSpentSince;
    const alreadySpent = statement(spentSql).get(target.scopeId, target.windowStart).total;
    statement(SQL.insertCounter).run(target.counterId, target.scope, target.scopeId, target.window, target.windowStart, alreadySpent);
    row = statement(SQL.counter).get(target.counterId);
  }
  return target.limitMicros - row.spentMicros - row.reservedMicros;
}

function holdOn(target, amount) {
  if (target.kind === "balance") statement(SQL.holdOnBalance).run(amount, target.organizationId);
  else statement(SQL.holdOnCounter).run(amount, target.counterId);
}

function spendOn(target, spent, released) {
  if (target.kind === "balance") statement(SQL.spendOnBalance).run(spent, released, target.organizationId);
  else statement(SQL.spendOnCounter).run(spent, released, target.counterId);
}

/** Release every hold whose process stopped renewing it: its room comes back to everyone. */
function releaseExpired(now) {
  const rows = statement(SQL.expired).all(now);
  for (const row of rows) {
    statement(SQL.deleteLease).run(row.id);
    for (const counterId of JSON.parse(row.counterIds)) {
      statement(SQL.spendOnCounter).run(0n, row.amountMicros, counterId);
    }
    if (row.balanceOrgId) statement(SQL.spendOnBalance).run(0n, row.amountMicros, row.balanceOrgId);
  }
  return rows.length;
}

const operations = {
  /**
   * Grow (or open) a lease by at least `need` and at most `want`, and by no
   * more than half the room left (the rest stays for other processes); grants
   * nothing when even `need` does not fit. Near the limit leases shrink to
   * what is left.
   */
  acquireLease({ lease, target, need, want, now, expiresAt }) {
    let room = roomOn(target);
    if (room < need && releaseExpired(now) > 0) room = roomOn(target);
    if (room < need) return { granted: 0n, room };
    const granted = max(need, min(want, room / 2n));
    holdOn(target, granted);
    const existing = statement(SQL.lease).get(lease.id);
    if (existing) statement(SQL.updateLease).run(existing.amountMicros + granted, expiresAt, lease.id);
    else {
      const counterIds = JSON.stringify(target.kind === "balance" ? [] : [target.counterId]);
      const balanceOrgId = target.kind === "balance" ? target.organizationId : null;
      statement(SQL.insertLease).run(lease.id, lease.organizationId, counterIds, balanceOrgId, granted, expiresAt, now);
    }
    return { granted, room };
  },

  /**
   * Record spend drawn from a lease and give back `release` of its room. When
   * the lease row is gone (swept after this process stalled past its expiry),
   * the spend still counts but nothing is released twice.
   */
  settleLease({ lease, target, spent, release, expiresAt, close }) {
    const existing = statement(SQL.lease).get(lease.id);
    const released = existing ? min(release, existing.amountMicros) : 0n;
    spendOn(target, spent, released);
    if (existing) {
      const remaining = existing.amountMicros - released;
      if (remaining === 0n && close) statement(SQL.deleteLease).run(lease.id);
      else statement(SQL.updateLease).run(remaining, expiresAt, lease.id);
    }
    const balance = target.kind === "balance" ? statement(SQL.balance).get(target.organizationId) : null;
    return { alive: Boolean(existing), released, remaining: existing ? existing.amountMicros - released : 0n, balanceMicros: balance?.balanceMicros ?? null };
  },

  renewLeases({ ids, expiresAt }) {
    let renewed = 0;
    for (const id of ids) renewed += statement(SQL.renewLease).run(expiresAt, id).changes;
    return renewed;
  },

  releaseExpired({ now }) {
    return releaseExpired(now);
  },

  /**
   * Insert usage rows (a row already present — a replay — is skipped) and add
   * only the inserted ones to the hourly rollups, in the same transaction, so
   * a batch written twice never counts twice.
   */
  writeUsage({ table, columns, rows, rollup, keyTouches }) {
    const placeholders = columns.map(() => "?").join(", ");
    const insert = statement(
      `INSERT INTO "${table}" (${columns.map((name) => `"${name}"`).join(", ")}) VALUES (${placeholders}) ON CONFLICT DO NOTHING`,
    );
    const increments = new Map();
    let inserted = 0;
    rows.forEach((row, index) => {
      if (insert.run(row.map(sqliteValue)).changes !== 1) return;
      inserted++;
      const [keyValues, values] = rollup.rows[index];
      const text = JSON.stringify(keyValues);
      const sums = increments.get(text);
      if (!sums) increments.set(text, { keyValues, values: [...values] });
      else values.forEach((value, position) => (sums.values[position] += value));
    });
    if (increments.size) {
      const names = [...rollup.keyColumns, ...rollup.sumColumns].map((name) => `"${name}"`).join(", ");
      const upsert = statement(
        `INSERT INTO "${rollup.table}" ("id", ${names}) VALUES (?, ${[...rollup.keyColumns, ...rollup.sumColumns].map(() => "?").join(", ")})
         ON CONFLICT (${rollup.keyColumns.map((name) => `"${name}"`).join(", ")}) DO UPDATE SET ` +
          rollup.sumColumns.map((name) => `"${name}" = "${rollup.table}"."${name}" + excluded."${name}"`).join(", "),
      );
      for (const { keyValues, values } of increments.values()) upsert.run(crypto.randomUUID(), ...keyValues, ...values);
    }
    for (const [keyId, time] of keyTouches) statement(SQL.touchKey).run(time, keyId, time);
    return { inserted };
  },
};

parentPort.on("message", ({ id, op, args }) => {
  try {
    const run = connection.transaction(() => operations[op](args));
    parentPort.postMessage({ id, result: run.immediate() });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code ?? null } });
  }
});
