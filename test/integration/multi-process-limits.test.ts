// Budget leases across processes sharing one SQLite file (issue: hot path):
// limits hold when two processes spend the same key at once, a process killed
// with SIGKILL gives its leased room back once the lease expires and leaves a
// row for every request it had in flight, and usage written while the
// database is locked waits in the spool and lands once.
import Database from "better-sqlite3";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/gateway";
import { chat, spendOf, spendUntilRefused, usageOf as usageOfKey } from "../helpers/multi-process-requests";
import { startProxyProcess } from "../helpers/proxy-process";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";

useTestDatabase();
const LEASE_TTL_MS = 2_000;
process.env.GATEWAY_LEASE_TTL_MS = String(LEASE_TTL_MS);
process.env.GATEWAY_DB_BUSY_TIMEOUT_MS = "300";

let gateway: TestGateway;
let upstream: FakeServer;

// $1,000 per million tokens both ways: 10 input + 20 output tokens cost exactly $0.03.
const PRICES = [{ model: "gpt-4o-mini", inputPerMillion: 1000, outputPerMillion: 1000 }];
const REQUEST_COST_USD = 0.03;

beforeAll(async () => {
  upstream = await startFakeOpenAI({ behaviour: { usage: { inputTokens: 10, outputTokens: 20 } } });
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  const provider = await gateway.api("POST", "/api/v1/providers", { slug: "byok", type: "openai", baseUrl: upstream.url, apiKey: "sk-x", prices: PRICES });
  expect(provider.status).toBe(201);
});

afterAll(async () => {
  delete process.env.GATEWAY_LEASE_TTL_MS;
  delete process.env.GATEWAY_DB_BUSY_TIMEOUT_MS;
  await upstream?.close();
  await gateway?.close();
});

async function createKey(limits?: Record<string, number>): Promise<{ id: string; secret: string }> {
  const answer = await gateway.api("POST", "/api/v1/keys", { name: "processes", kind: "project", ...(limits ? { limits } : {}) });
  expect(answer.status).toBe(201);
  return answer.body;
}

const usageOf = (keyId: string, expected: number) => usageOfKey(gateway, keyId, expected);

describe("two processes on one SQLite file", () => {
  it("let at most limit + one request through 200 parallel requests split across them", async () => {
    const other = await startProxyProcess();
    try {
      const key = await createKey({ total: REQUEST_COST_USD * 10 });
      const statuses = await Promise.all(
        Array.from({ length: 200 }, (_, index) => chat(index % 2 ? other.proxyUrl : gateway.proxyUrl, key.secret, index % 4 === 0)),
      );
      const succeeded = statuses.filter((status) => status === 200).length;
      expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
      expect(succeeded).toBeGreaterThan(0);
      expect(succeeded).toBeLessThanOrEqual(11);
      const items = await usageOf(key.id, 200);
      expect(items).toHaveLength(200);
      expect(spendOf(items)).toBeLessThanOrEqual(REQUEST_COST_USD * 11 + 1e-9);
    } catch (error) {
      console.error("other process output:\n" + other.output());
      throw error;
    } finally {
      await other.stop();
    }
  }, 60_000);

  it("gives a SIGKILLed process's leased room back once its lease expires", async () => {
    const key = await createKey({ total: REQUEST_COST_USD * 10 });
    const doomed = await startProxyProcess();
    expect(await chat(doomed.proxyUrl, key.secret)).toBe(200); // it now holds a lease on the key's room
    await doomed.stop("SIGKILL");

    // While the dead process's lease runs, its room is not ours to spend…
    const whileHeld = await spendUntilRefused(gateway.proxyUrl, key.secret);
    expect(whileHeld).toBeLessThan(9);
    // …and after its expiry every cent of the limit can be spent.
    await new Promise((resolve) => setTimeout(resolve, LEASE_TTL_MS + 500));
    const afterExpiry = await spendUntilRefused(gateway.proxyUrl, key.secret);
    const items = await usageOf(key.id, 1 + whileHeld + afterExpiry);
    const spent = spendOf(items);
    expect(spent).toBeLessThanOrEqual(REQUEST_COST_USD * 10 + 1e-9);
    // What is left is less than one request's (conservative) reservation.
    expect(spent).toBeGreaterThanOrEqual(REQUEST_COST_USD * 10 - 2 * REQUEST_COST_USD - 1e-9);
    expect(afterExpiry).toBeGreaterThan(0);
  }, 60_000);
});

describe("the usage spool", () => {
  it("keeps every record while the database is locked and writes each exactly once when it comes back", async () => {
    const key = await createKey();
    const file = process.env.DATABASE_URL!.slice("file:".length);
    const locker = new Database(file, { timeout: 5_000 });
    locker.exec("BEGIN EXCLUSIVE");
    let statuses: number[];
    try {
      statuses = await Promise.all(Array.from({ length: 100 }, (_, index) => chat(gateway.proxyUrl, key.secret, index % 2 === 0)));
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // writes fail for a while and are spooled
    } finally {
      locker.exec("COMMIT");
      locker.close();
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    const items = await usageOf(key.id, 100);
    expect(items).toHaveLength(100);
    expect(new Set(items.map((item) => item.id)).size).toBe(100);
    // The hourly rollup counted each request once as well.
    const reader = new Database(file, { readonly: true });
    const rollup = reader.prepare(`SELECT SUM("requests") AS requests FROM "UsageHourly" WHERE "apiKeyId" = ?`).get(key.id) as { requests: number | bigint };
    reader.close();
    expect(Number(rollup.requests)).toBe(100);
  }, 60_000);
});

describe("kill -9 with streams in flight", () => {
  it("leaves an `interrupted` row for each of 50 streams once another process replays the dead one's journal", async () => {
    // 60 words at 200 ms each: every stream is still running when the process is killed, however slow the machine.
    const replyText = Array.from({ length: 60 }, (_, index) => `word${index}`).join(" ");
    const slow = await startFakeOpenAI({ behaviour: { chunkIntervalMs: 200, replyText, usage: { inputTokens: 10, outputTokens: 20 } } });
    await gateway.api("POST", "/api/v1/providers", { slug: "slow", type: "openai", baseUrl: slow.url, apiKey: "sk-x", prices: PRICES });
    const key = await createKey();
    const doomed = await startProxyProcess();
    try {
      const readers = await Promise.all(
        Array.from({ length: 50 }, async () => {
          const response = await fetch(`${doomed.proxyUrl}/slow/chat/completions`, {
            method: "POST",
            headers: { authorization: `Bearer ${key.secret}`, "content-type": "application/json" },
            body: JSON.stringify({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "Count" }] }),
          });
          expect(response.status).toBe(200);
          const reader = response.body!.getReader();
          await reader.read(); // this stream is flowing
          return reader;
        }),
      );
      await doomed.stop("SIGKILL");
      for (const reader of readers) await reader.read().catch(() => null);

      const { usageWriter } = await import("@/proxy/metering");
      expect(await usageWriter.replaySpool()).toBe(true);
      const items = await usageOf(key.id, 50);
      expect(items).toHaveLength(50);
      for (const item of items) expect(item).toMatchObject({ status: 502, error: "interrupted", provider: "slow" });
      expect(items.every((item) => item.costUsd > 0)).toBe(true); // estimated from the request, not free
      const spoolDirectory = path.join(path.dirname(process.env.DATABASE_URL!.slice("file:".length)), "spool");
      expect(readdirSync(spoolDirectory).filter((name) => name.includes(`journal-${doomed.child.pid}-`))).toEqual([]);
    } finally {
      await doomed.stop("SIGKILL");
      await slow.close();
    }
  }, 60_000);

  it("leaves no journal behind after a clean stop", async () => {
    const key = await createKey();
    const proxy = await startProxyProcess();
    for (let index = 0; index < 5; index++) expect(await chat(proxy.proxyUrl, key.secret)).toBe(200);
    expect(await proxy.stop("SIGTERM")).toBe(0);
    const spoolDirectory = path.join(path.dirname(process.env.DATABASE_URL!.slice("file:".length)), "spool");
    expect(readdirSync(spoolDirectory).filter((name) => name.includes(`journal-${proxy.child.pid}-`))).toEqual([]);
    expect(await usageOf(key.id, 5)).toHaveLength(5);
  }, 60_000);
});
