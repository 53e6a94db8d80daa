// One Prisma client for the whole process, connected through the driver adapter
// so no engine binary is needed.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "./generated/prisma/client";
import { env } from "./env";

const globalForPrisma = globalThis as unknown as { gatewayPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error("Invalid configuration: DATABASE_URL PostgreSQL support is not built into this version yet");
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
