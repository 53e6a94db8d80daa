// A throwaway SQLite database for one test file. Call useTestDatabase() at the
// top of the file, then import anything that touches lib/db dynamically
// (`const { x } = await import("./x")`): static imports are hoisted above this
// call and would open the real database.
//
// The migration SQL is applied directly with better-sqlite3 instead of running
// `prisma migrate deploy` — same schema, a few milliseconds instead of seconds.
import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { resetEnvironmentForTests } from "@/lib/env";

const MIGRATIONS_DIRECTORY = path.resolve(import.meta.dirname, "../../prisma/migrations");

let prepared = false;

export function useTestDatabase(): void {
  if (prepared) return;
  prepared = true;

  const directory = mkdtempSync(path.join(tmpdir(), "gateway-test-"));
  const file = path.join(directory, "test.db");
  applyMigrations(file);

  process.env.DATABASE_URL = `file:${file}`;
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

function applyMigrations(file: string): void {
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
}
