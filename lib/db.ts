// One Prisma client for the whole process, connected through a driver adapter
// so no engine binary is needed: better-sqlite3 for file: URLs, a pg pool for
// postgres:// URLs (its client is generated from prisma/postgres/schema.prisma,
// the same models, so the SQLite client's type describes both).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-postgres/client";
import { env } from "./env";

const globalForPrisma = globalThis as unknown as { gatewayPrisma?: PrismaClient };

/** True when DATABASE_URL points at PostgreSQL. */
export function usesPostgres(url = env().DATABASE_URL): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  if (usesPostgres(url)) {
    // The dashboard and management API only: the proxy's hot path has its own pool (lib/hot-path-db).
    const adapter = new PrismaPg({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  const file = url.slice("file:".length);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  useWriteAheadLog(file);
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 10_000 });
  const client = new PrismaClient({ adapter });
  // Per connection: with the write-ahead log, commits need not wait for fsync;
  // a power cut can lose the last moments, never corrupt the file.
  void client.$queryRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => {});
  return client;
}

/** WAL lets the dashboard read while the proxy writes, and makes each commit far cheaper. It is a property of the file. */
function useWriteAheadLog(file: string): void {
  const connection = new Database(file);
  try {
    connection.pragma("journal_mode = WAL");
  } finally {
    connection.close();
  }
}

/** The shared client (kept on globalThis so Next's dev reloads do not open new ones). */
export const db: PrismaClient = globalForPrisma.gatewayPrisma ?? (globalForPrisma.gatewayPrisma = createClient());
