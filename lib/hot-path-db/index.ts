// The process's hot-path database: SQLite through a writer thread for
// file: URLs. Prisma stays the client of the dashboard and management API.
import path from "node:path";
import { env } from "../env";
import { processSingleton } from "../process-singleton";
import { SqliteHotPath } from "./sqlite-hot-path";
import type { HotPathDatabase } from "./types";

export type { HotPathDatabase } from "./types";
export { sqlTime } from "./sql-time";

export function hotPathDatabase(): HotPathDatabase {
  return processSingleton("hotPathDatabase", () => {
    const { DATABASE_URL: url, GATEWAY_DB_BUSY_TIMEOUT_MS: busyTimeoutMs } = env();
    if (url.startsWith("file:")) return new SqliteHotPath(path.resolve(url.slice("file:".length)), busyTimeoutMs);
    throw new Error("Invalid configuration: DATABASE_URL PostgreSQL support is not built into this version yet");
  });
}
