// A throwaway database for one test file. Call useTestDatabase() at the top of
// the file, then import anything that touches lib/db dynamically
// (`const { x } = await import("./x")`): static imports are hoisted above this
// call and would open the real database.
//
// SQLite (the default): the migration SQL is applied directly with
// better-sqlite3 instead of running `prisma migrate deploy` — same schema, a few
// milliseconds instead of seconds. TEST_DATABASE=postgres: a fresh database
// cloned from the migrated template of the run's cluster (postgres-global-setup.ts).
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { resetEnvironmentForTests } from "@/lib/env";
import { TEMPLATE_DATABASE } from "./postgres-global-setup";

const MIGRATIONS_DIRECTORY = path.resolve(import.meta.dirname, "../../prisma/migrations");

let prepared = false;

/** Which engine this run tests: TEST_DATABASE=postgres, else SQLite. */
export const testEngine: "sqlite" | "postgres" = process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";

export function useTestDatabase(): void {
  if (prepared) return;
  prepared = true;

  const directory = mkdtempSync(path.join(tmpdir(), "gateway-test-"));
  process.env.DATABASE_URL = testEngine === "postgres" ? createPostgresDatabase() : createSqliteDatabase(directory);
  process.env.GATEWAY_DATA_DIR = directory;
  process.env.GATEWAY_SECRET ??= "test-secret-that-is-long-enough-for-the-gateway";
  resetEnvironmentForTests();

  afterAll(async () => {
    const client = (globalThis as { gatewayPrisma?: { $disconnect(): Promise<void> } }).gatewayPrisma;
    await client?.$disconnect();
    // The usage journal and spool may still be writing into it: retry, and never fail a test over a temp folder.
    try {
      rmSync(directory, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    } catch (error) {
      console.warn(`[test] could not remove ${directory}: ${(error as Error).message}`);
    }
  });
}

function createSqliteDatabase(directory: string): string {
  const file = path.join(directory, "test.db");
  const database = new Database(file);
  try {
    const migrations = readdirSync(MIGRATIONS_DIRECTORY, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const migration of migrations) {
      database.exec(readFileSync(path.join(MIGRATIONS_DIRECTORY, migration, "migration.sql"), "utf8"));
    }
  } finally {
    database.close();
  }
  return `file:${file}`;
}

/** Synchronous (psql) so useTestDatabase() stays a plain call at the top of a file. The cluster is removed whole at the end of the run. */
function createPostgresDatabase(): string {
  const clusterUrl = process.env.TEST_POSTGRES_URL;
  if (!clusterUrl) throw new Error("TEST_DATABASE=postgres needs the run's cluster: run through vitest (test/helpers/postgres-global-setup.ts)");
  const name = `test_${randomBytes(6).toString("hex")}`;
  execFileSync("psql", [clusterUrl, "-v", "ON_ERROR_STOP=1", "-qc", `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`]);
  return clusterUrl.replace(/\/[^/]*$/, `/${name}`);
}
