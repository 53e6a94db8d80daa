// For test files that stop and restart PostgreSQL (so they cannot share the
// run's cluster): a cluster of their own with the migrated database `gateway`,
// set as DATABASE_URL like useTestDatabase() does. Await it at the top of the
// file, before importing anything that touches lib/db.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll } from "vitest";
import { resetEnvironmentForTests } from "@/lib/env";
import { migrationScripts } from "../../scripts/schema-structure.mjs";
import { startPostgresCluster, type PostgresCluster } from "./postgres-cluster.mjs";

export async function useOwnPostgresCluster(): Promise<PostgresCluster> {
  const cluster = await startPostgresCluster();
  const admin = new pg.Client({ connectionString: cluster.url() });
  await admin.connect();
  await admin.query("CREATE DATABASE gateway");
  await admin.end();
  const client = new pg.Client({ connectionString: cluster.url("gateway") });
  await client.connect();
  for (const script of migrationScripts(path.resolve(import.meta.dirname, "../../prisma/postgres/migrations"))) await client.query(script);
  await client.end();

  const directory = mkdtempSync(path.join(tmpdir(), "gateway-test-"));
  process.env.DATABASE_URL = cluster.url("gateway");
  process.env.GATEWAY_DATA_DIR = directory;
  process.env.GATEWAY_SECRET ??= "test-secret-that-is-long-enough-for-the-gateway";
  resetEnvironmentForTests();
  afterAll(async () => {
    const prisma = (globalThis as { gatewayPrisma?: { $disconnect(): Promise<void> } }).gatewayPrisma;
    await prisma?.$disconnect();
    await cluster.stop();
    rmSync(directory, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });
  return cluster;
}
