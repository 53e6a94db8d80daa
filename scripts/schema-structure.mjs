// Do an engine's migrations build exactly the schema? Prisma cannot diff a live
// database when it connects through a driver adapter, so this applies the
// migrations to one scratch database and Prisma's from-empty script of the
// schema to another, then compares what each holds: columns (name, type,
// nullability, default), indexes and constraints, as sorted lists of lines.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { postgresAvailable, startPostgresCluster } from "../test/helpers/postgres-cluster.mjs";
import { migrationNames, POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, SQLITE_MIGRATIONS, SQLITE_SCHEMA } from "./postgres-migrations.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function schemaScript(schemaFile) {
  const result = spawnSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schemaFile, "--script"], {
    cwd: root,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stderr}`);
  return result.stdout;
}

/** Every migration's SQL in order, as `prisma migrate deploy` applies them. */
export function migrationScripts(directory) {
  return migrationNames(directory).map((name) => readFileSync(path.join(directory, name, "migration.sql"), "utf8"));
}

function sqliteStructure(sql) {
  const directory = mkdtempSync(path.join(tmpdir(), "gateway-schema-"));
  const database = new Database(path.join(directory, "scratch.db"));
  try {
    for (const script of sql) database.exec(script);
    const lines = [];
    const tables = database.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all();
    for (const { name } of tables) {
      for (const column of database.pragma(`table_info("${name}")`)) {
        lines.push(`column ${name}.${column.name} ${column.type} notnull=${column.notnull} default=${column.dflt_value} pk=${column.pk}`);
      }
      for (const index of database.pragma(`index_list("${name}")`)) {
        const columns = database.pragma(`index_info("${index.name}")`).map((column) => column.name);
        lines.push(`index ${name} ${index.name} unique=${index.unique} (${columns.join(", ")})`);
      }
      for (const key of database.pragma(`foreign_key_list("${name}")`)) {
        lines.push(`foreign key ${name}.${key.from} -> ${key.table}.${key.to} on delete ${key.on_delete} on update ${key.on_update}`);
      }
    }
    return lines.sort();
  } finally {
    database.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

async function postgresStructure(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const script of sql) await client.query(script);
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, datetime_precision, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const indexes = await client.query(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'`);
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
    );
    return [
      ...columns.rows.map((row) => `column ${row.table_name}.${row.column_name} ${row.data_type}(${row.datetime_precision}) nullable=${row.is_nullable} default=${row.column_default}`),
      ...indexes.rows.map((row) => `index ${row.tablename} ${row.indexdef}`),
      ...constraints.rows.map((row) => `constraint ${row.table_name} ${row.conname} ${row.definition}`),
    ].sort();
  } finally {
    await client.end();
  }
}

function differencesBetween(fromMigrations, fromSchema) {
  const migrated = new Set(fromMigrations);
  const expected = new Set(fromSchema);
  return [
    ...fromSchema.filter((line) => !migrated.has(line)).map((line) => `missing ${line}`),
    ...fromMigrations.filter((line) => !expected.has(line)).map((line) => `extra ${line}`),
  ];
}

/** { differences: string[] } or { skipped: reason } when PostgreSQL is not installed. */
export async function migrationsReproduceSchema(engine) {
  if (engine === "sqlite") {
    return { differences: differencesBetween(sqliteStructure(migrationScripts(SQLITE_MIGRATIONS)), sqliteStructure([schemaScript(SQLITE_SCHEMA)])) };
  }
  if (!postgresAvailable()) return { skipped: "PostgreSQL is not installed here; its migrations were not applied" };
  const cluster = await startPostgresCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query("CREATE DATABASE from_migrations");
    await admin.query("CREATE DATABASE from_schema");
    await admin.end();
    const migrated = await postgresStructure(cluster.url("from_migrations"), migrationScripts(POSTGRES_MIGRATIONS));
    const expected = await postgresStructure(cluster.url("from_schema"), [schemaScript(POSTGRES_SCHEMA)]);
    return { differences: differencesBetween(migrated, expected) };
  } finally {
    await cluster.stop();
  }
}
