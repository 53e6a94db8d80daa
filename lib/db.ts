// One Prisma client for the whole process, connected through the driver adapter
// so no engine binary is needed.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
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
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

/** The shared client (kept on globalThis so Next's dev reloads do not open new ones). */
export const db: PrismaClient = globalForPrisma.gatewayPrisma ?? (globalForPrisma.gatewayPrisma = createClient());
