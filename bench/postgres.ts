// npm run bench -- --postgres: the standalone proxy on PostgreSQL, one process
// against three sharing the database (load split evenly across them), with the
// same key (a daily limit: budget leases on the path) and a priced provider.
// The database is a throwaway cluster with fsync on, in a temporary folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startPostgresCluster } from "../test/helpers/postgres-cluster.mjs";
import { sequential, throughput, type Target } from "./measure";
import { startStandaloneProxy, startUpstream, type Started } from "./processes";

const ROOT = path.resolve(import.meta.dirname, "..");

type Row = Record<string, number | string | null>;

/** Configures the gateway through its management API, run in this process (no dashboard build needed). */
async function configure(upstreamUrl: string): Promise<string> {
  const { startTestGateway } = await import("../test/helpers/gateway");
  const gateway = await startTestGateway();
  try {
    const call = async (method: string, route: string, body: unknown) => {
      const answer = await gateway.api(method, route, body);
      if (answer.status >= 300) throw new Error(`${method} ${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    };
    await call("POST", "/api/v1/gateway/setup", { mode: "manual" });
    await call("POST", "/api/v1/providers", { slug: "bench", type: "openai", baseUrl: `${upstreamUrl}/v1`, apiKey: "sk-bench", prices: [{ model: "gpt-4o-mini", inputPerMillion: 0.15, outputPerMillion: 0.6 }] });
    return (await call("POST", "/api/v1/keys", { name: "bench", kind: "project", limits: { daily: 100_000 } })).secret;
  } finally {
    await gateway.close();
  }
}

/** Every target loaded at once, `connections` split between them: summed req/s, worst p99. */
async function together(targets: Target[], connections: number, seconds: number) {
  const results = await Promise.all(targets.map((target) => throughput(target, Math.max(1, Math.round(connections / targets.length)), seconds)));
  return {
    reqPerSec: results.reduce((sum, result) => sum + result.reqPerSec, 0),
    p99: Math.max(...results.map((result) => result.p99)),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
  };
}

export async function runPostgresBench(quick: boolean, seconds: number): Promise<Record<string, Row>> {
  const started: Array<Started | { stop(): Promise<void> }> = [];
  try {
    const cluster = await startPostgresCluster({ fsync: true });
    started.push(cluster);
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query("CREATE DATABASE gateway");
    await admin.end();
    const databaseUrl = cluster.url("gateway");
    const migrate = spawnSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}${migrate.stderr}`);
    const directory = mkdtempSync(path.join(tmpdir(), "gateway-bench-pg-"));
    Object.assign(process.env, { DATABASE_URL: databaseUrl, GATEWAY_DATA_DIR: directory });

    const upstream = await startUpstream();
    started.push(upstream);
    const secret = await configure(upstream.url);
    const proxies = await Promise.all([0, 1, 2].map(() => startStandaloneProxy(databaseUrl, directory)));
    started.push(...proxies);
    const targets: Target[] = proxies.map((proxy, index) => ({
      name: `proxy ${index + 1}`,
      url: `${proxy.url}/proxy/bench/chat/completions`,
      headers: { authorization: `Bearer ${secret}` },
      pid: proxy.process.pid,
    }));

    const results: Record<string, Row> = {};
    for (const [name, group] of [["1 process", targets.slice(0, 1)], ["3 processes", targets]] as const) {
      console.error(`[bench] PostgreSQL, ${name}`);
      const row: Row = {};
      const single = await sequential(group[0], quick ? 200 : 2000);
      row["sequential p50 ms"] = single.p50;
      row["sequential p99 ms"] = single.p99;
      for (const connections of [10, 100]) {
        const result = await together([...group], connections, seconds);
        row[`req/s at ${connections} conn`] = result.reqPerSec;
        row[`p99 ms at ${connections} conn`] = result.p99;
        row.errors = Number(row.errors ?? 0) + result.errors;
      }
      results[`PostgreSQL, ${name}`] = row;
    }
    return results;
  } finally {
    for (const item of started.reverse()) await item.stop();
  }
}
