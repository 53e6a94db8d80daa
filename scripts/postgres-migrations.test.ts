// The twin-migration script on a scratch copy of the project's schema files: a
// schema change without migrations fails the check; adding the SQLite migration
// and running the generator writes the PostgreSQL twin and the check passes.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const copy = mkdtempSync(path.join(tmpdir(), "gateway-twins-"));
for (const file of ["scripts/postgres-migrations.mjs", "scripts/schema-structure.mjs", "test/helpers/postgres-cluster.mjs", "prisma.config.ts", "package.json"]) {
  mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
  cpSync(path.join(root, file), path.join(copy, file));
}
cpSync(path.join(root, "prisma"), path.join(copy, "prisma"), { recursive: true });
symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function script(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(copy, "scripts/postgres-migrations.mjs"), ...args], { cwd: copy, encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("npm run db:postgres-migrations", () => {
  it("passes its check on the project as committed", () => {
    const result = script("--check");
    expect(result.output).toContain("both engines' migrations match");
    expect(result.status).toBe(0);
  }, 120_000);

  it("fails the check on a schema change without migrations, then writes the PostgreSQL twin of the SQLite migration", () => {
    const schemaFile = path.join(copy, "prisma/schema.prisma");
    writeFileSync(schemaFile, readFileSync(schemaFile, "utf8").replace("  name      String\n  slug      String   @unique", "  name      String\n  motto     String?\n  slug      String   @unique"));
    const unchanged = script("--check");
    expect(unchanged.status).toBe(1);
    expect(unchanged.output).toContain("prisma/postgres/schema.prisma is not generated from prisma/schema.prisma");

    // Regenerating the PostgreSQL schema alone still leaves both engines without a migration.
    expect(script().status).toBe(0);
    const withoutMigrations = script("--check");
    expect(withoutMigrations.status).toBe(1);
    expect(withoutMigrations.output).toContain("sqlite migrations do not build the schema: missing column Organization.motto");

    mkdirSync(path.join(copy, "prisma/migrations/0099_motto"));
    writeFileSync(path.join(copy, "prisma/migrations/0099_motto/migration.sql"), `ALTER TABLE "Organization" ADD COLUMN "motto" TEXT;\n`);
    const twinMissing = script("--check");
    expect(twinMissing.output).toContain("SQLite migration 0099_motto has no PostgreSQL twin");
    expect(twinMissing.status).toBe(1);

    // The committed PostgreSQL schema already has the column (regenerated above): start the twin from the state before it.
    cpSync(path.join(root, "prisma/postgres/schema.prisma"), path.join(copy, "prisma/postgres/schema.prisma"));
    const generated = script();
    expect(generated.status).toBe(0);
    expect(readFileSync(path.join(copy, "prisma/postgres/migrations/0099_motto/migration.sql"), "utf8")).toContain(`ALTER TABLE "Organization" ADD COLUMN     "motto" TEXT`);
    const passed = script("--check");
    expect(passed.output).toContain("both engines' migrations match");
    expect(passed.status).toBe(0);
  }, 180_000);
});
