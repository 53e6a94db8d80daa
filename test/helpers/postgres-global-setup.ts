// Vitest global setup: with TEST_DATABASE=postgres, one throwaway PostgreSQL
// cluster for the whole run and a template database with the PostgreSQL
// migrations applied; each test file clones it (test-database.ts), which takes
// milliseconds. A no-op on SQLite.
import path from "node:path";
import pg from "pg";
import { migrationScripts } from "../../scripts/schema-structure.mjs";
import { startPostgresCluster } from "./postgres-cluster.mjs";

export const TEMPLATE_DATABASE = "gateway_template";

export default async function setup(): Promise<(() => Promise<void>) | void> {
  if (process.env.TEST_DATABASE !== "postgres") return;
  const cluster = await startPostgresCluster();
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const template = new pg.Client({ connectionString: cluster.url(TEMPLATE_DATABASE) });
  await template.connect();
  for (const script of migrationScripts(path.resolve(import.meta.dirname, "../../prisma/postgres/migrations"))) await template.query(script);
  await template.end();
  // Inherited by the test workers (forked after this runs) and by the processes they spawn.
  process.env.TEST_POSTGRES_URL = cluster.url();
  return () => cluster.stop();
}
