// A throwaway PostgreSQL 15 cluster in a temporary folder on a free port, for
// tests and the schema checker. initdb refuses to run as root, so as root the
// cluster belongs to the unprivileged `postgres` system user (Debian's package
// creates it) and every server command runs through `runuser`. Plain
// JavaScript so scripts (node) and tests (vitest) share it.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const BIN_DIRECTORY = process.env.POSTGRES_BIN_DIR || "/usr/lib/postgresql/15/bin";
const SYSTEM_USER = "postgres";

export function postgresAvailable() {
  return existsSync(path.join(BIN_DIRECTORY, "initdb"));
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function systemUserIds() {
  const uid = Number(execFileSync("id", ["-u", SYSTEM_USER], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", SYSTEM_USER], { encoding: "utf8" }).trim());
  return { uid, gid };
}

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function runServerCommand(binary, args) {
  const command = path.join(BIN_DIRECTORY, binary);
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync("runuser", ["-u", SYSTEM_USER, "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${binary} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/**
 * Starts a cluster with one superuser `gateway` (trust authentication on
 * 127.0.0.1 only). Returns its URL (database `postgres`), helpers to restart
 * it, and stop() which removes everything.
 */
export async function startPostgresCluster({ fsync = false } = {}) {
  if (!postgresAvailable()) throw new Error(`PostgreSQL binaries not found in ${BIN_DIRECTORY} (apt-get install postgresql)`);
  const directory = mkdtempSync(path.join(tmpdir(), "gateway-pg-"));
  const dataDirectory = path.join(directory, "data");
  if (process.getuid?.() === 0) {
    const { uid, gid } = systemUserIds();
    chownSync(directory, uid, gid);
  }
  runServerCommand("initdb", ["-D", dataDirectory, "-U", "gateway", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${directory}`,
    "-c listen_addresses=127.0.0.1",
    "-c max_connections=300",
    `-c fsync=${fsync ? "on" : "off"}`,
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
  const logFile = path.join(directory, "server.log");
  const start = () => runServerCommand("pg_ctl", ["-D", dataDirectory, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]);
  const stopServer = (mode = "fast") => runServerCommand("pg_ctl", ["-D", dataDirectory, "-m", mode, "-w", "-t", "60", "stop"]);
  start();
  const url = (database = "postgres") => `postgres://gateway@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    /** Stops the server (immediate: connections drop at once, as in a crash) without removing its data. */
    pause: () => stopServer("immediate"),
    resume: () => start(),
    async stop() {
      try {
        stopServer("immediate");
      } catch {
        // already stopped
      }
      rmSync(directory, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}
