// Benchmark, not a test: how much latency the gateway adds to a request, as a
// ratio against the same fake upstream called directly in the same run (the
// machine is shared and noisy, so only same-run comparisons mean anything).
// Run with `npm run bench`.
import { afterAll, beforeAll, expect, it } from "vitest";
import { useTestDatabase } from "../test/helpers/test-database";
import { startTestGateway, type TestGateway } from "../test/helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "../test/fakes/openai-upstream";

useTestDatabase();

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const BODY = JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] });

let gateway: TestGateway;
let upstream: FakeServer;
let secret: string;

beforeAll(async () => {
  upstream = await startFakeOpenAI();
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  await gateway.api("POST", "/api/v1/providers", { slug: "bench", type: "openai", baseUrl: upstream.url, apiKey: "sk-bench" });
  secret = (await gateway.api("POST", "/api/v1/keys", { name: "bench", kind: "project", ...(process.env.BENCH_LIMITS === "0" ? {} : { limits: { daily: 1000 } }) })).body.secret;
});

afterAll(async () => {
  await upstream?.close();
  await gateway?.close();
});

async function timeRequests(url: string, authorization: string): Promise<number[]> {
  const durations: number[] = [];
  for (let index = 0; index < REQUESTS; index++) {
    const started = performance.now();
    const response = await fetch(url, { method: "POST", headers: { authorization, "content-type": "application/json" }, body: BODY });
    await response.arrayBuffer();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];

it(`measures gateway overhead over ${REQUESTS} sequential chat completions`, async () => {
  await timeRequests(`${upstream.url}/chat/completions`, "Bearer sk-bench"); // warm both paths
  await timeRequests(`${gateway.proxyUrl}/bench/chat/completions`, `Bearer ${secret}`);
  const direct = await timeRequests(`${upstream.url}/chat/completions`, "Bearer sk-bench");
  const proxied = await timeRequests(`${gateway.proxyUrl}/bench/chat/completions`, `Bearer ${secret}`);
  const rows = [0.5, 0.95, 0.99].map((fraction) => ({
    percentile: `p${Math.round(fraction * 100)}`,
    directMs: percentile(direct, fraction).toFixed(2),
    gatewayMs: percentile(proxied, fraction).toFixed(2),
    addedMs: (percentile(proxied, fraction) - percentile(direct, fraction)).toFixed(2),
    ratio: (percentile(proxied, fraction) / percentile(direct, fraction)).toFixed(2),
  }));
  console.table(rows);
  expect(proxied).toHaveLength(REQUESTS);
}, 300_000);
