// Prisma CLI configuration: the JS schema engine with a driver adapter, so
// migrations run offline with no engine binary to download. DATABASE_URL picks
// the engine: a postgres:// URL uses the generated PostgreSQL twin of the
// schema and its migrations (prisma/postgres/, npm run db:postgres-migrations).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";

const url = process.env.DATABASE_URL || "file:./data/gateway.db";
const postgres = /^postgres(ql)?:\/\//.test(url);
if (!postgres) mkdirSync("data", { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  async adapter() {
    return postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
