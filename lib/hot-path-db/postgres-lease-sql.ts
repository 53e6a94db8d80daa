// The lease statements on PostgreSQL. Each is ONE statement (its own
// transaction), so several processes can run them at once: the target row
// (counter or balance) is locked first with FOR UPDATE, then the lease row, in
// that order everywhere, and the grant is computed from the locked values.
// Times are UTC text cast to timestamp (without time zone), as Prisma stores them.
import type { LeaseTarget } from "./types";

interface TargetSql {
  table: string;
  key: string;
  /** The locked row's free room, from its columns and (for a counter) the limit in $4. */
  room: string;
  spendSet: string;
}

const COUNTER: TargetSql = {
  table: `"SpendCounter"`,
  key: `"id"`,
  room: `$4::bigint - "spentMicros" - "reservedMicros"`,
  spendSet: `"spentMicros" = "spentMicros" + $2::bigint`,
};

const BALANCE: TargetSql = {
  table: `"Balance"`,
  key: `"organizationId"`,
  room: `"balanceMicros" - "reservedMicros"`,
  spendSet: `"balanceMicros" = "balanceMicros" - $2::bigint`,
};

const targetSql = (target: LeaseTarget) => (target.kind === "balance" ? BALANCE : COUNTER);

/**
 * Grow or open a lease: grants max(need, min(want, room / 2)) when room ≥ need.
 * $1 target key, $2 need, $3 want, $4 limit (counters), $5 lease id, $6 organization,
 * $7 counter ids JSON, $8 balance organization, $9 expires at, $10 now.
 * Answers room = null when the counter row does not exist yet.
 */
function acquireSql({ table, key, room }: TargetSql): string {
  return `WITH locked AS (
      SELECT ${room} AS room, $4::bigint AS limit_micros FROM ${table} WHERE ${key} = $1 FOR UPDATE
    ), grant_ AS (
      SELECT room, GREATEST($2::bigint, LEAST($3::bigint, room / 2)) AS amount FROM locked WHERE room >= $2::bigint
    ), held AS (
      UPDATE ${table} SET "reservedMicros" = "reservedMicros" + grant_.amount FROM grant_ WHERE ${key} = $1 RETURNING grant_.amount
    ), leased AS (
      INSERT INTO "Reservation" ("id", "organizationId", "counterIds", "balanceOrgId", "amountMicros", "expiresAt", "createdAt")
      SELECT $5, $6, $7, $8, amount, $9::timestamp, $10::timestamp FROM held
      ON CONFLICT ("id") DO UPDATE SET "amountMicros" = "Reservation"."amountMicros" + excluded."amountMicros", "expiresAt" = excluded."expiresAt"
      RETURNING 1
    )
    SELECT (SELECT room FROM locked) AS room, (SELECT amount FROM held) AS granted, (SELECT count(*) FROM leased) AS leased`;
}

/**
 * Record spend on the target and release up to $3 of the lease's room; delete
 * the lease when $5 (close) and nothing is left. A lease already swept releases nothing.
 * $1 target key, $2 spent, $3 release, $4 lease id, $5 close, $6 expires at.
 */
function settleSql({ table, key, spendSet }: TargetSql): string {
  return `WITH target AS (
      SELECT 1 FROM ${table} WHERE ${key} = $1 FOR UPDATE
    ), lease AS (
      SELECT "amountMicros" AS amount FROM "Reservation" WHERE "id" = $4 AND EXISTS (SELECT 1 FROM target) FOR UPDATE
    ), released AS (
      SELECT COALESCE((SELECT LEAST($3::bigint, amount) FROM lease), 0::bigint) AS amount
    ), spend AS (
      UPDATE ${table} SET ${spendSet}, "reservedMicros" = "reservedMicros" - released.amount FROM released WHERE ${key} = $1
      RETURNING ${table === BALANCE.table ? `"balanceMicros"` : "NULL::bigint"} AS balance
    ), kept AS (
      UPDATE "Reservation" SET "amountMicros" = lease.amount - released.amount, "expiresAt" = $6::timestamp
      FROM lease, released WHERE "id" = $4 AND NOT ($5::boolean AND lease.amount = released.amount) RETURNING 1
    ), dropped AS (
      DELETE FROM "Reservation" USING lease, released WHERE "id" = $4 AND $5::boolean AND lease.amount = released.amount RETURNING 1
    )
    SELECT (SELECT count(*) FROM lease) AS alive, released.amount AS released,
      COALESCE((SELECT amount FROM lease), 0) - released.amount AS remaining,
      (SELECT balance FROM spend) AS balance, (SELECT count(*) FROM kept) + (SELECT count(*) FROM dropped) AS touched
    FROM released`;
}

const statements = new Map<string, string>();
function cached(name: string, build: () => string): string {
  let sql = statements.get(name);
  if (!sql) statements.set(name, (sql = build()));
  return sql;
}

export const acquireStatement = (target: LeaseTarget) => cached(`acquire:${target.kind}`, () => acquireSql(targetSql(target)));
export const settleStatement = (target: LeaseTarget) => cached(`settle:${target.kind}`, () => settleSql(targetSql(target)));

export const targetKey = (target: LeaseTarget) => (target.kind === "balance" ? target.organizationId : target.counterId);

/** A counter enforced for the first time in its window starts from what the rollups say was already spent. */
export function createCounterStatement(scope: "key" | "member"): string {
  const column = scope === "key" ? `"apiKeyId"` : `"membershipId"`;
  return `INSERT INTO "SpendCounter" ("id", "scope", "scopeId", "window", "windowStart", "spentMicros", "reservedMicros")
    SELECT $1, $2, $3, $4, $5::timestamp, COALESCE(SUM("costMicros"), 0), 0 FROM "UsageHourly" WHERE ${column} = $3 AND "hour" >= $5::timestamp
    ON CONFLICT DO NOTHING`;
}

/**
 * Sweep expired leases: each row is deleted by exactly one sweeper (SKIP LOCKED
 * lets several processes sweep at once) and its room given back in the same statement.
 */
export const RELEASE_EXPIRED = `WITH gone AS (
    DELETE FROM "Reservation" WHERE "id" IN (
      SELECT "id" FROM "Reservation" WHERE "expiresAt" < $1::timestamp ORDER BY "id" LIMIT 500 FOR UPDATE SKIP LOCKED
    ) RETURNING "counterIds", "balanceOrgId", "amountMicros"
  ), counters AS (
    SELECT counter.id, SUM(gone."amountMicros") AS amount FROM gone, json_array_elements_text(gone."counterIds"::json) AS counter(id) GROUP BY counter.id
  ), balances AS (
    SELECT "balanceOrgId" AS id, SUM("amountMicros") AS amount FROM gone WHERE "balanceOrgId" IS NOT NULL GROUP BY "balanceOrgId"
  ), counters_released AS (
    UPDATE "SpendCounter" SET "reservedMicros" = "reservedMicros" - counters.amount FROM counters WHERE "SpendCounter"."id" = counters.id RETURNING 1
  ), balances_released AS (
    UPDATE "Balance" SET "reservedMicros" = "reservedMicros" - balances.amount FROM balances WHERE "Balance"."organizationId" = balances.id RETURNING 1
  )
  SELECT count(*) AS released FROM gone`;

export const RENEW_LEASES = `UPDATE "Reservation" SET "expiresAt" = $1::timestamp WHERE "id" = ANY($2::text[])`;
