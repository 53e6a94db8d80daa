// `npm run bench`: benchmarks that report ratios against a same-run baseline.
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: { include: ["bench/**/*.test.ts"], testTimeout: 600_000, hookTimeout: 60_000, pool: "forks" },
});
