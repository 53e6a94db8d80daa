import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["{lib,proxy,app,components,test,scripts,cli}/**/*.test.ts"],
    // On PostgreSQL, multi-process-limits (it locks the SQLite file itself) gives way to
    // multi-process-postgres, which the default (SQLite) run already runs on a cluster of its own.
    exclude: ["node_modules", "e2e", "lib/generated", ...(process.env.TEST_DATABASE === "postgres" ? ["test/integration/multi-process-limits.test.ts", "test/integration/multi-process-postgres.test.ts"] : [])],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // TEST_DATABASE=postgres: one throwaway PostgreSQL cluster for the run.
    globalSetup: ["test/helpers/postgres-global-setup.ts"],
  },
});
