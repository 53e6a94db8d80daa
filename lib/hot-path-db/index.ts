// The process's hot-path database: SQLite through a writer thread for
// file: URLs, a pg pool for postgres:// URLs. Prisma stays the client of the dashboard and management API.
import path from "node:path";
import { env } from "../env";
import { processSingleton } from "../process-singleton";
import { PostgresHotPath } from "./postgres-hot-path";
import { SqliteHotPath } from "./sqlite-hot-path";
import type { HotPathDatabase } from "./types";

export type { HotPathDatabase } from "./types";
export { sqlTime } from "./sql-time";

export function hotPathDatabase(): HotPathDatabase {
  return processSingleton("hotPathDatabase", () => {
    const { DATABASE_URL: url, GATEWAY_DB_BUSY_TIMEOUT_MS: busyTimeoutMs } = env();
    if (url.startsWith("file:")) return new SqliteHotPath(path.resolve(url.slice("file:".length)), busyTimeoutMs);
    return new PostgresHotPath(url);
  });
}
