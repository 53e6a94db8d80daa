import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["{lib,proxy,app,components,test,scripts,cli}/**/*.test.ts"],
    exclude: ["node_modules", "e2e", "lib/generated"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // TEST_DATABASE=postgres: one throwaway PostgreSQL cluster for the run.
    globalSetup: ["test/helpers/postgres-global-setup.ts"],
  },
});
