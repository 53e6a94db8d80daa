// The processes a benchmark run measures, each its own OS process so the
// load generator, the upstream and the system under test never share an
// event loop: the fake upstream, the gateway (server.ts, and the standalone
// proxy/server.ts on the same database) and Portkey's open-source gateway.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
// @ts-expect-error a plain-JS build script without type declarations
import { bundleServers } from "../scripts/bundle-servers.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
export const BENCH_ADMIN_TOKEN = "bench-admin-token-0123456789abcdef";

export interface Started {
  name: string;
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Start a process and wait until a line of its output matches `ready`. */
function startProcess(name: string, args: string[], env: Record<string, string | undefined>, ready: RegExp): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 120_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const line = output.split("\n").find((candidate) => ready.test(candidate));
      if (line) {
        clearTimeout(timer);
        resolve({ child, line });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (data: Buffer) => (output += data.toString()));
    child.on("exit", (code) => reject(new Error(`${name} exited (${code}):\n${output}`)));
  });
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
    });
}

export async function startUpstream(): Promise<Started> {
  const { child, line } = await startProcess("upstream", ["--import", "tsx", "bench/fake-upstream.ts"], {}, /"port"/);
  const port = JSON.parse(line).port as number;
  return { name: "upstream", url: `http://127.0.0.1:${port}`, process: child, stop: stopper(child) };
}

/** A fresh SQLite database with the schema, in a temporary folder. */
export function freshDatabase(): { url: string; directory: string } {
  const directory = mkdtempSync(path.join(tmpdir(), "gateway-bench-"));
  const url = `file:${path.join(directory, "gateway.db")}`;
  const migrate = spawnSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}${migrate.stderr}`);
  return { url, directory };
}

function gatewayEnvironment(databaseUrl: string, dataDirectory: string, port: number): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    GATEWAY_DATA_DIR: dataDirectory,
    GATEWAY_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
    PORT: String(port),
    PROXY_PORT: String(port),
  };
}

/** `npm start`'s server (dashboard + proxy on one port). The dashboard must be built (npm install does it). */
export async function startGateway(databaseUrl: string, dataDirectory: string): Promise<Started> {
  const build = spawnSync(process.execPath, ["-e", "import('./scripts/build-if-needed.mjs').then((m) => m.buildIfNeeded())"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("building the dashboard failed");
  const port = await freePort();
  await bundleServers();
  const { child } = await startProcess("gateway", ["dist/server.mjs"], gatewayEnvironment(databaseUrl, dataDirectory, port), /Gateway ready/);
  return { name: "gateway (server.ts)", url: `http://127.0.0.1:${port}`, process: child, stop: stopper(child) };
}

/** `npm run proxy`: the engine alone, on the same database. */
export async function startStandaloneProxy(databaseUrl: string, dataDirectory: string): Promise<Started> {
  const port = await freePort();
  await bundleServers();
  const { child } = await startProcess("proxy", ["dist/proxy.mjs"], gatewayEnvironment(databaseUrl, dataDirectory, port), /listening/);
  return { name: "gateway (npm run proxy)", url: `http://127.0.0.1:${port}`, process: child, stop: stopper(child) };
}

export async function startPortkey(): Promise<Started> {
  const port = await freePort();
  const { child } = await startProcess(
    "portkey",
    ["node_modules/@portkey-ai/gateway/build/start-server.js", `--port=${port}`, "--headless"],
    { NODE_ENV: "production" },
    /listening|running|ready|started/i,
  ).catch(async () => {
    throw new Error("Portkey's gateway did not start");
  });
  return { name: "Portkey OSS", url: `http://127.0.0.1:${port}`, process: child, stop: stopper(child) };
}

/** Resident memory of a process in MB, from /proc. */
export function residentMegabytes(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system, every thread) a process has used so far, in ms, from /proc. */
export function cpuMilliseconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    const ticksPerSecond = 100; // USER_HZ on Linux
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}
