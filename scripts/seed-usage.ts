// npm run seed:usage -- [--rows N] [--days D] [--organization SLUG] [--seed S] [--end ISO]
//
// Fills the database (DATABASE_URL, SQLite) with realistic request-log rows
// and their hourly rollups, for trying the dashboard at scale and for the
// analytics benchmark (scripts/bench-analytics.ts). Rows are spread over the
// organization's existing keys; an organization without keys gets one
// "Seeded traffic" project key (its secret is not usable). Written with
// prepared statements in large transactions (about 20,000 rows a second here).
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { sqlTime } from "../lib/hot-path-db/sql-time";
import { syntheticUsage, type SeedKey, type SyntheticRecord } from "../lib/usage/synthetic-usage";
import { prepareUsage, ROLLUP_KEY_COLUMNS, ROLLUP_SUM_COLUMNS, ROLLUP_TABLE, USAGE_COLUMN_NAMES, USAGE_TABLE, type PreparedUsage } from "../proxy/usage-rows";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "10000" },
    days: { type: "string", default: "90" },
    organization: { type: "string" },
    seed: { type: "string", default: "1" },
    end: { type: "string" },
  },
});

function positiveInteger(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`--${name} must be a whole number of at least 1 (got ${JSON.stringify(text)})`);
    process.exit(2);
  }
  return value;
}

const rows = positiveInteger("rows", values.rows);
const days = positiveInteger("days", values.days);
const seed = positiveInteger("seed", values.seed);
const end = values.end ? new Date(values.end) : new Date();
if (Number.isNaN(end.getTime())) {
  console.error(`--end must be an ISO 8601 instant (got ${JSON.stringify(values.end)})`);
  process.exit(2);
}
const url = process.env.DATABASE_URL || "file:./data/gateway.db";
if (!url.startsWith("file:")) {
  console.error("seed:usage writes SQLite databases only (DATABASE_URL=file:…)");
  process.exit(2);
}

const database = new Database(path.resolve(url.slice("file:".length)));
database.pragma("journal_mode = WAL");
database.pragma("busy_timeout = 10000");
// A bulk load: the rows can be made again, so durability per transaction is not worth its fsyncs.
database.pragma("synchronous = OFF");
database.pragma("cache_size = -262144");
database.pragma("temp_store = MEMORY");

const organization = findOrganization(values.organization);
const keys = keysOf(organization.id);
console.log(`Seeding ${rows.toLocaleString("en-US")} requests over ${days} days into ${organization.slug} (${keys.length} keys)…`);

// The proxy's own column map and rollup (proxy/usage-rows.ts): seeded rows look exactly like recorded ones.
const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");
const insert = database.prepare(`INSERT INTO "${USAGE_TABLE}" (${quoted(USAGE_COLUMN_NAMES)}) VALUES (${USAGE_COLUMN_NAMES.map(() => "?").join(", ")})`);
const rollups = new Map<string, { key: unknown[]; sums: bigint[] }>();

const started = Date.now();
const BATCH = 20_000;
const source = syntheticUsage({ organizationId: organization.id, keys, end, days, seed });
const writeBatch = database.transaction((batch: SyntheticRecord[]) => {
  for (const record of batch) {
    const prepared = prepareUsage(record);
    insert.run(prepared.row.map(sqliteValue));
    addToRollup(prepared);
  }
});
for (let written = 0; written < rows; ) {
  const batch: SyntheticRecord[] = [];
  while (batch.length < BATCH && written + batch.length < rows) batch.push(source.next().value as SyntheticRecord);
  writeBatch(batch);
  written += batch.length;
  if (written % 500_000 < BATCH || written === rows) console.log(`  ${written.toLocaleString("en-US")} rows (${Math.round((Date.now() - started) / 1000)} s)`);
}

const upsert = database.prepare(
  `INSERT INTO "${ROLLUP_TABLE}" ("id", ${quoted(ROLLUP_KEY_COLUMNS)}, ${quoted(ROLLUP_SUM_COLUMNS)})
   VALUES (?, ${[...ROLLUP_KEY_COLUMNS, ...ROLLUP_SUM_COLUMNS].map(() => "?").join(", ")})
   ON CONFLICT (${quoted(ROLLUP_KEY_COLUMNS)}) DO UPDATE SET ${ROLLUP_SUM_COLUMNS.map((name) => `"${name}" = "${name}" + excluded."${name}"`).join(", ")}`,
);
database.transaction(() => {
  for (const { key, sums } of rollups.values()) upsert.run(randomUUID(), ...key, ...sums);
})();
database.pragma("optimize");
console.log(`Done: ${rows.toLocaleString("en-US")} requests and ${rollups.size.toLocaleString("en-US")} hourly rollup rows in ${Math.round((Date.now() - started) / 100) / 10} s`);
database.close();

/** better-sqlite3 binds no booleans: SQLite stores them as 0/1, as Prisma does. */
function sqliteValue(value: unknown): unknown {
  return value === true ? 1 : value === false ? 0 : value;
}

function addToRollup(prepared: PreparedUsage): void {
  const id = prepared.rollupKey.join("\u0000");
  const entry = rollups.get(id);
  if (!entry) {
    rollups.set(id, { key: prepared.rollupKey, sums: [...prepared.rollupSums] });
    return;
  }
  prepared.rollupSums.forEach((value, index) => (entry.sums[index] += value));
}

function findOrganization(slug: string | undefined): { id: string; slug: string } {
  if (slug) {
    const found = database.prepare(`SELECT "id", "slug" FROM "Organization" WHERE "slug" = ?`).get(slug) as { id: string; slug: string } | undefined;
    if (!found) {
      console.error(`No organization with slug '${slug}' in ${url}`);
      process.exit(2);
    }
    return found;
  }
  const all = database.prepare(`SELECT "id", "slug" FROM "Organization" ORDER BY "createdAt" LIMIT 2`).all() as Array<{ id: string; slug: string }>;
  if (all.length === 1) return all[0];
  if (all.length > 1) {
    console.error("Several organizations exist: name one with --organization SLUG");
    process.exit(2);
  }
  const now = sqlTime(new Date());
  const created = { id: randomUUID(), slug: "seeded" };
  database.prepare(`INSERT INTO "Organization" ("id", "name", "slug", "createdAt") VALUES (?, 'Seeded', ?, ?)`).run(created.id, created.slug, now);
  return created;
}

function keysOf(organizationId: string): SeedKey[] {
  const existing = database
    .prepare(`SELECT "id", "projectId", "ownerMembershipId" AS "membershipId" FROM "ApiKey" WHERE "organizationId" = ? AND "revokedAt" IS NULL`)
    .all(organizationId) as SeedKey[];
  if (existing.length > 0) return existing;
  const now = sqlTime(new Date());
  let project = database.prepare(`SELECT "id" FROM "Project" WHERE "organizationId" = ? ORDER BY "createdAt" LIMIT 1`).get(organizationId) as { id: string } | undefined;
  if (!project) {
    project = { id: randomUUID() };
    database.prepare(`INSERT INTO "Project" ("id", "organizationId", "name", "slug", "createdAt") VALUES (?, ?, 'Default', 'default', ?)`).run(project.id, organizationId, now);
  }
  const key = { id: randomUUID(), projectId: project.id, membershipId: null };
  database
    .prepare(`INSERT INTO "ApiKey" ("id", "organizationId", "projectId", "kind", "name", "prefix", "lookupHash", "encryptedSecret", "createdAt", "updatedAt") VALUES (?, ?, ?, 'project', 'Seeded traffic', 'gw_seed', ?, 'seeded-not-a-secret', ?, ?)`)
    .run(key.id, organizationId, project.id, `seeded-${key.id}`, now, now);
  return [key];
}
