// Build the dashboard when its sources changed since the last build. Run by
// postinstall (so npm start is quick) and again by npm start (a no-op when
// nothing changed, a rebuild after a checkout changed the sources).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** Fingerprint of everything the Next build depends on, so a changed checkout rebuilds. */
function sourceFingerprint() {
  const hash = createHash("sha256");
  const visit = (directory) => {
    if (!existsSync(directory)) return;
    for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "generated" || entry.name === "node_modules") continue;
        visit(full);
      } else if (!entry.name.includes(".test.")) {
        const stats = statSync(full);
        hash.update(`${full}:${stats.size}:${stats.mtimeMs}\n`);
      }
    }
  };
  for (const directory of ["app", "components", "lib", "proxy", "public"]) visit(directory);
  for (const file of ["package-lock.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json"]) {
    if (existsSync(file)) hash.update(`${file}:${statSync(file).mtimeMs}\n`);
  }
  return hash.digest("hex");
}

export function buildIfNeeded() {
  process.chdir(root);
  const fingerprintFile = path.join(".next", "gateway-source-fingerprint");
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(fingerprintFile) && readFileSync(fingerprintFile, "utf8") === fingerprint;
  if (!built) {
    console.log("Building the dashboard (first start or sources changed)…");
    run(bin("next"), ["build"], { NEXT_TELEMETRY_DISABLED: "1" });
    mkdirSync(".next", { recursive: true });
    writeFileSync(fingerprintFile, fingerprint);
  }
}

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const bin = (name) => path.join(root, "node_modules", ".bin", name);

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, "scripts", "build-if-needed.mjs")) buildIfNeeded();
