// Prisma CLI configuration: the JS schema engine with a driver adapter, so
// migrations run offline with no engine binary to download.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { mkdirSync } from "node:fs";

const url = process.env.DATABASE_URL || "file:./data/gateway.db";
mkdirSync("data", { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url });
  },
});
