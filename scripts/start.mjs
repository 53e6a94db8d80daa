// npm start: build the dashboard if its sources changed since the last build,
// apply database migrations, then run server.ts (dashboard + proxy on one port),
// compiled to dist/server.mjs.
import { spawnSync, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { bundleServers } from "./bundle-servers.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

buildIfNeeded();
await bundleServers();
const databaseUrl = process.env.DATABASE_URL || "file:./data/gateway.db";
if (databaseUrl.startsWith("file:")) mkdirSync(path.dirname(path.resolve(databaseUrl.slice("file:".length))), { recursive: true });
run(bin("prisma"), ["migrate", "deploy"]);

const server = spawn(process.execPath, ["--enable-source-maps", "dist/server.mjs"], {
  stdio: "inherit",
  env: { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
