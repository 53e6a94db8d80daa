// npm run bench: the proxy measured against a direct call to the same fake
// upstream and against Portkey's open-source gateway, all in one run (the
// machine is shared and noisy: only same-run comparisons mean anything).
// The gateway's key has a daily limit and its provider is priced, so auth,
// budget leases and metering are all on the path. Prints a table and writes
// the figures as JSON (--out, default bench/results/latest.json).
//
//   npm run bench                 # every measurement
//   npm run bench -- --quick      # shorter runs (a smoke test of the benchmark)
//   npm run bench -- --postgres   # 1 vs 3 proxy processes on one PostgreSQL database (bench/postgres.ts)
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { concurrentStreams, fixedRate, memoryAfter, sequential, streaming, throughput, type Target } from "./measure";
import { runPostgresBench } from "./postgres";
import { BENCH_ADMIN_TOKEN, freshDatabase, startGateway, startPortkey, startStandaloneProxy, startUpstream, type Started } from "./processes";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const outFile = args.includes("--out") ? args[args.indexOf("--out") + 1] : path.join(import.meta.dirname, "results", "latest.json");
const scale = quick ? 0.1 : 1;
const seconds = quick ? 2 : 8;

async function api(origin: string, method: string, route: string, body: unknown) {
  const response = await fetch(`${origin}${route}`, {
    method,
    headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

type Row = Record<string, number | string | null>;

async function measure(target: Target, withMemoryRun: boolean): Promise<Row> {
  console.error(`[bench] ${target.name}`);
  const row: Row = {};
  const sequentialResult = await sequential(target, Math.round(2000 * scale));
  row["sequential p50 ms"] = sequentialResult.p50;
  row["sequential p99 ms"] = sequentialResult.p99;
  for (const connections of [1, 10, 100]) {
    const result = await throughput(target, connections, seconds);
    row[`req/s at ${connections} conn`] = result.reqPerSec;
    if (connections === 10) row["CPU µs per request (10 conn)"] = result.cpuMicrosPerRequest;
    if (connections === 100) row["p99 ms at 100 conn"] = result.p99;
    row.errors = Number(row.errors ?? 0) + result.errors;
  }
  const rate = await fixedRate(target, 1000, seconds);
  row["p99 ms at 1000 req/s"] = rate.p99;
  row.errors = Number(row.errors) + rate.errors;
  const stream = await streaming(target, Math.round(200 * scale));
  row["stream first byte p50 ms"] = stream.firstByteP50;
  row["stream 200 chunks total p50 ms"] = stream.totalP50;
  const many = await concurrentStreams(target, quick ? 100 : 1000);
  row[`${quick ? 100 : 1000} concurrent streams errors`] = many.errors + stream.errors;
  row["RSS MB during concurrent streams"] = many.peakRssMb;
  if (withMemoryRun) {
    const memory = await memoryAfter(target, quick ? 10_000 : 100_000);
    row[`RSS MB after ${quick ? "10k" : "100k"} requests`] = memory.rssAfterMb;
    row.errors = Number(row.errors) + memory.errors;
  }
  return row;
}

function printTable(results: Record<string, Row>): void {
  const names = Object.keys(results);
  const metrics = [...new Set(names.flatMap((name) => Object.keys(results[name])))];
  const width = Math.max(...metrics.map((metric) => metric.length));
  const columns = names.map((name) => Math.max(name.length, 8));
  const line = (cells: string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(width) : cell.padStart(columns[index - 1]))).join(" | ");
  console.log(line(["", ...names]));
  console.log(line(["-".repeat(width), ...columns.map((column) => "-".repeat(column))]));
  for (const metric of metrics) console.log(line([metric, ...names.map((name) => String(results[name][metric] ?? "–"))]));
}

async function main() {
  const started: Started[] = [];
  try {
    const upstream = await startUpstream();
    started.push(upstream);
    const database = freshDatabase();
    const gateway = await startGateway(database.url, database.directory);
    started.push(gateway);
    await api(gateway.url, "POST", "/api/v1/gateway/setup", { mode: "manual" });
    await api(gateway.url, "POST", "/api/v1/providers", { slug: "bench", type: "openai", baseUrl: `${upstream.url}/v1`, apiKey: "sk-bench" });
    const key = await api(gateway.url, "POST", "/api/v1/keys", { name: "bench", kind: "project", limits: { daily: 100_000 } });
    const proxy = await startStandaloneProxy(database.url, database.directory);
    started.push(proxy);
    const portkey = await startPortkey();
    started.push(portkey);

    const gatewayHeaders = { authorization: `Bearer ${key.secret}` };
    const targets: Array<[Target, boolean]> = [
      [{ name: "direct", url: `${upstream.url}/v1/chat/completions`, headers: { authorization: "Bearer sk-bench" }, pid: upstream.process.pid }, false],
      [{ name: "gateway", url: `${gateway.url}/proxy/bench/chat/completions`, headers: gatewayHeaders, pid: gateway.process.pid }, true],
      [{ name: "npm run proxy", url: `${proxy.url}/proxy/bench/chat/completions`, headers: gatewayHeaders, pid: proxy.process.pid }, true],
      [
        {
          name: "Portkey OSS",
          url: `${portkey.url}/v1/chat/completions`,
          headers: { authorization: "Bearer sk-bench", "x-portkey-provider": "openai", "x-portkey-custom-host": `${upstream.url}/v1` },
          pid: portkey.process.pid,
        },
        false,
      ],
    ];
    const results: Record<string, Row> = {};
    for (const [target, withMemoryRun] of targets) results[target.name] = await measure(target, withMemoryRun);

    const direct = results.direct;
    const summary = {
      "gateway added p50 ms": Number(results.gateway["sequential p50 ms"]) - Number(direct["sequential p50 ms"]),
      "gateway added p99 ms": Number(results.gateway["sequential p99 ms"]) - Number(direct["sequential p99 ms"]),
      "gateway ÷ Portkey req/s at 100 conn": Number(results.gateway["req/s at 100 conn"]) / Number(results["Portkey OSS"]["req/s at 100 conn"]),
      "Portkey ÷ gateway CPU per request": Number(results["Portkey OSS"]["CPU µs per request (10 conn)"]) / Number(results.gateway["CPU µs per request (10 conn)"]),
      "gateway added stream first byte ms": Number(results.gateway["stream first byte p50 ms"]) - Number(direct["stream first byte p50 ms"]),
    };
    printTable(results);
    console.log();
    for (const [name, value] of Object.entries(summary)) console.log(`${name}: ${value.toFixed(2)}`);
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify({ date: new Date().toISOString(), quick, results, summary }, null, 2));
    console.error(`[bench] figures written to ${outFile}`);
  } finally {
    await Promise.all(started.map((process) => process.stop()));
  }
}

if (args.includes("--postgres")) {
  const results = await runPostgresBench(quick, seconds);
  printTable(results);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ date: new Date().toISOString(), quick, postgres: true, results }, null, 2));
  console.error(`[bench] figures written to ${outFile}`);
  process.exit(0); // the in-process setup gateway's timers and pools
} else await main();
