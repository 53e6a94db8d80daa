// The linter keeps the layering of ARCHITECTURE.md: lib/ never imports app/,
// proxy/, components/ or Next; proxy/ never imports app/, components/, Next or
// React. A deliberate violation, linted with the project's own biome.json in a
// scratch copy of the layout, must fail.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIOME = path.join(ROOT, "node_modules/.bin/biome");
const scratch = mkdtempSync(path.join(tmpdir(), "gateway-lint-"));
copyFileSync(path.join(ROOT, "biome.json"), path.join(scratch, "biome.json"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function lint(file: string, source: string): { ok: boolean; output: string } {
  const target = path.join(scratch, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, source);
  const result = spawnSync(BIOME, ["lint", "--vcs-enabled=false", "--colors=off", file], { cwd: scratch, encoding: "utf8" });
  rmSync(target);
  return { ok: result.status === 0, output: result.stdout + result.stderr };
}

describe("import boundaries", () => {
  it("refuses lib/ importing the proxy engine, the app or Next", () => {
    for (const specifier of ["@/proxy/handler", "../../proxy/handler", "@/app/api/v1/keys/route", "@/components/ui/panel", "next/server"]) {
      const result = lint("lib/keys/probe.ts", `import { x } from "${specifier}";\nexport const y = x;\n`);
      expect(result.ok, specifier).toBe(false);
      expect(result.output).toContain("noRestrictedImports");
    }
  });

  it("refuses proxy/ importing the app, components, Next or React", () => {
    for (const specifier of ["@/app/proxy/route", "@/components/ui/panel", "next/server", "react"]) {
      const result = lint("proxy/probe.ts", `import { x } from "${specifier}";\nexport const y = x;\n`);
      expect(result.ok, specifier).toBe(false);
    }
  });

  it("allows what the layering allows", () => {
    expect(lint("proxy/probe.ts", `import { x } from "@/lib/money";\nexport const y = x;\n`).ok).toBe(true);
    expect(lint("app/probe.ts", `import { x } from "@/proxy/handler";\nexport const y = x;\n`).ok).toBe(true);
  });

  it("passes on the whole tree", () => {
    expect(() => execFileSync(BIOME, ["lint", "."], { cwd: ROOT, stdio: "pipe" })).not.toThrow();
  });
});
