// Issue 9 on PostgreSQL: three processes (this one, B and C) on one database.
// Limits hold across them under 300 parallel requests, a revocation through
// A reaches B and C by LISTEN/NOTIFY, a process killed with SIGKILL during 50
// streams loses nothing, and a database restart during traffic fails requests
// that need it with a clear 503 while usage waits in the spool and lands once.
// The file runs its own cluster (it restarts it), whatever TEST_DATABASE says.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useOwnPostgresCluster } from "../helpers/postgres-test-cluster";
import { startTestGateway, type TestGateway } from "../helpers/gateway";
import { chat, spendOf, spendUntilRefused, usageOf as usageOfKey } from "../helpers/multi-process-requests";
import { startProxyProcess, type ProxyProcess } from "../helpers/proxy-process";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";

const cluster = await useOwnPostgresCluster();
const LEASE_TTL_MS = 2_000;
process.env.GATEWAY_LEASE_TTL_MS = String(LEASE_TTL_MS);
process.env.GATEWAY_BUILTIN_OPENAI_API_KEY = "sk-operator-key";

let gateway: TestGateway;
let upstream: FakeServer;
let processB: ProxyProcess;
let processC: ProxyProcess;

// $1,000 per million tokens both ways: 10 input + 20 output tokens cost exactly $0.03.
const PRICES = [{ model: "gpt-4o-mini", inputPerMillion: 1000, outputPerMillion: 1000 }];
const REQUEST_COST_USD = 0.03;

beforeAll(async () => {
  upstream = await startFakeOpenAI({ behaviour: { usage: { inputTokens: 10, outputTokens: 20 } } });
  process.env.GATEWAY_BUILTIN_OPENAI_BASE_URL = upstream.url; // inherited by B and C
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  const provider = await gateway.api("POST", "/api/v1/providers", { slug: "byok", type: "openai", baseUrl: upstream.url, apiKey: "sk-x", prices: PRICES });
  expect(provider.status).toBe(201);
  expect((await gateway.api("PATCH", "/api/v1/providers/openai", { enabled: true, prices: PRICES })).status).toBe(200);
  // B polls the epoch only once a minute: a revocation reaching it within a second came by NOTIFY.
  [processB, processC] = await Promise.all([startProxyProcess({ GATEWAY_CONFIG_POLL_INTERVAL_MS: "60000" }), startProxyProcess()]);
});

afterAll(async () => {
  delete process.env.GATEWAY_LEASE_TTL_MS;
  delete process.env.GATEWAY_BUILTIN_OPENAI_API_KEY;
  delete process.env.GATEWAY_BUILTIN_OPENAI_BASE_URL;
  await Promise.all([processB?.stop(), processC?.stop()]);
  await upstream?.close();
  await gateway?.close();
});

const usageOf = (keyId: string, expected: number) => usageOfKey(gateway, keyId, expected);

async function createKey(limits?: Record<string, number>, owner?: string): Promise<{ id: string; secret: string }> {
  const kind = owner ? { kind: "personal", owner } : { kind: "project" };
  const answer = await gateway.api("POST", "/api/v1/keys", { name: "processes", ...kind, ...(limits ? { limits } : {}) });
  expect(answer.status).toBe(201);
  return answer.body;
}

const proxies = () => [gateway.proxyUrl, processB.proxyUrl, processC.proxyUrl];

function withOutput<T>(run: () => Promise<T>): Promise<T> {
  return run().catch((error) => {
    console.error(`B:\n${processB.output()}\nC:\n${processC.output()}`);
    throw error;
  });
}

async function rollupRequests(keyId: string): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query(`SELECT COALESCE(SUM("requests"), 0) AS requests FROM "UsageHourly" WHERE "apiKeyId" = $1`, [keyId]);
  await client.end();
  return Number(rows[0].requests);
}

describe("three processes on one PostgreSQL database", () => {
  /** A key whose budget has room for 10 requests: its own limit, its member's, or the prepaid balance of a built-in provider. */
  const budgets: Array<[string, () => Promise<{ key: { id: string; secret: string }; route: string; refusal: number }>]> = [
    ["a key limit", async () => ({ key: await createKey({ total: REQUEST_COST_USD * 10 }), route: "byok", refusal: 429 })],
    [
      "a member limit",
      async () => {
        const member = await gateway.api("POST", "/api/v1/members", { email: "scale@example.com", password: "a-long-password", role: "member" });
        expect((await gateway.api("PATCH", `/api/v1/members/${member.body.id}`, { limits: { daily: REQUEST_COST_USD * 10 } })).status).toBe(200);
        return { key: await createKey(undefined, member.body.id), route: "byok", refusal: 429 };
      },
    ],
    [
      "a built-in provider's prepaid balance",
      async () => {
        expect((await gateway.api("POST", "/api/v1/balance/credits", { amountUsd: REQUEST_COST_USD * 10 })).status).toBe(201);
        return { key: await createKey(), route: "openai", refusal: 402 };
      },
    ],
  ];

  it.each(budgets)("let at most %s + one request through 300 parallel requests (JSON and streamed) split across them", (_, budget) =>
    withOutput(async () => {
      const { key, route, refusal } = await budget();
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // every process has seen the new key's configuration
      const statuses = await Promise.all(Array.from({ length: 300 }, (_, index) => chat(proxies()[index % 3], key.secret, index % 2 === 0, route)));
      const succeeded = statuses.filter((status) => status === 200).length;
      expect(statuses.filter((status) => status !== 200 && status !== refusal)).toEqual([]);
      expect(succeeded).toBeGreaterThan(0);
      expect(succeeded).toBeLessThanOrEqual(11);
      const items = await usageOf(key.id, 300);
      expect(items).toHaveLength(300);
      expect(spendOf(items)).toBeLessThanOrEqual(REQUEST_COST_USD * 11 + 1e-9);
      expect(await rollupRequests(key.id)).toBe(300);
    }), 120_000);

  it("refuses a key revoked through A in B and C within a second", () =>
    withOutput(async () => {
      const key = await createKey();
      for (const proxyUrl of proxies()) expect(await chat(proxyUrl, key.secret)).toBe(200); // every process has the key cached
      expect((await gateway.api("DELETE", `/api/v1/keys/${key.id}`)).status).toBe(200);
      const revokedAt = Date.now();
      for (const proxyUrl of [processB.proxyUrl, processC.proxyUrl]) {
        let status = 200;
        while (status === 200 && Date.now() - revokedAt < 5_000) {
          status = await chat(proxyUrl, key.secret);
          if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(status).toBe(403); // key_revoked
        expect(Date.now() - revokedAt).toBeLessThan(1_000);
      }
    }), 60_000);
});

describe("kill -9 of one of three processes with 50 streams in flight", () => {
  it("keeps the others serving, gives the dead one's leased room back after expiry, and leaves exactly one row per request", () =>
    withOutput(async () => {
      const replyText = Array.from({ length: 60 }, (_, index) => `word${index}`).join(" ");
      const slow = await startFakeOpenAI({ behaviour: { chunkIntervalMs: 200, replyText, usage: { inputTokens: 10, outputTokens: 20 } } });
      await gateway.api("POST", "/api/v1/providers", { slug: "slow", type: "openai", baseUrl: slow.url, apiKey: "sk-x", prices: PRICES });
      const streamKey = await createKey();
      const limitedKey = await createKey({ total: REQUEST_COST_USD * 10 });
      const doomed = await startProxyProcess();
      try {
        expect(await chat(doomed.proxyUrl, limitedKey.secret)).toBe(200); // it now holds a lease on the limited key's room
        const readers = await Promise.all(
          Array.from({ length: 50 }, async () => {
            const response = await fetch(`${doomed.proxyUrl}/slow/chat/completions`, {
              method: "POST",
              headers: { authorization: `Bearer ${streamKey.secret}`, "content-type": "application/json" },
              body: JSON.stringify({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "Count" }] }),
            });
            expect(response.status).toBe(200);
            const reader = response.body!.getReader();
            await reader.read();
            return reader;
          }),
        );
        await doomed.stop("SIGKILL");
        for (const reader of readers) await reader.read().catch(() => null);
        for (const proxyUrl of [processB.proxyUrl, processC.proxyUrl]) expect(await chat(proxyUrl, streamKey.secret)).toBe(200);

        await new Promise((resolve) => setTimeout(resolve, LEASE_TTL_MS + 500));
        const afterExpiry = await spendUntilRefused(processB.proxyUrl, limitedKey.secret);
        const spent = spendOf(await usageOf(limitedKey.id, 1 + afterExpiry));
        expect(spent).toBeLessThanOrEqual(REQUEST_COST_USD * 10 + 1e-9);
        // All of the limit but less than one request's (conservative) reservation was usable.
        expect(spent).toBeGreaterThanOrEqual(REQUEST_COST_USD * 10 - 2 * REQUEST_COST_USD - 1e-9);

        const { usageWriter } = await import("@/proxy/metering");
        expect(await usageWriter.replaySpool()).toBe(true); // the dead process's journal, claimed by this one
        const items = await usageOf(streamKey.id, 52);
        expect(items).toHaveLength(52);
        expect(new Set(items.map((item) => item.id)).size).toBe(52);
        expect(items.filter((item) => item.status === 502)).toHaveLength(50);
        expect(await rollupRequests(streamKey.id)).toBe(52);
      } finally {
        await doomed.stop("SIGKILL");
        await slow.close();
      }
    }), 90_000);
});

describe("the database restarted while traffic runs", () => {
  it("answers 503 in the route's shape when a request needs it, serves the rest from caches and leases, and stores every record once", () =>
    withOutput(async () => {
      const freeKey = await createKey();
      const unseenKey = await createKey();
      const limitedKey = await createKey({ total: REQUEST_COST_USD * 10 });
      // Let the notifications of the two new keys clear every cache before warming them (caches are what serve an outage).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      for (const proxyUrl of proxies()) {
        expect(await chat(proxyUrl, freeKey.secret)).toBe(200);
      }
      expect(await chat(processC.proxyUrl, limitedKey.secret)).toBe(200); // C holds a lease of part of the room
      cluster.pause();
      let freeStatuses: number[];
      let unknownKeyAnswer: { status: number; body: unknown } | undefined;
      const limitedAnswers: Array<{ status: number; body: { error?: { code?: string } } }> = [];
      try {
        freeStatuses = await Promise.all(Array.from({ length: 60 }, (_, index) => chat(proxies()[index % 3], freeKey.secret, index % 2 === 0)));
        for (let index = 0; index < 12; index++) {
          const response = await fetch(`${processC.proxyUrl}/byok/chat/completions`, {
            method: "POST",
            headers: { authorization: `Bearer ${limitedKey.secret}`, "content-type": "application/json" },
            body: JSON.stringify({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: "Hi" }] }),
          });
          limitedAnswers.push({ status: response.status, body: await response.json() });
        }
        const unknown = await fetch(`${processB.proxyUrl}/byok/chat/completions`, {
          method: "POST",
          headers: { authorization: `Bearer ${unseenKey.secret}`, "content-type": "application/json" },
          body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] }),
        });
        unknownKeyAnswer = { status: unknown.status, body: await unknown.json() };
      } finally {
        cluster.resume();
      }
      expect(freeStatuses.filter((status) => status !== 200)).toEqual([]);
      // A key no process has seen cannot be checked: a clear 503 in the route's shape.
      expect(unknownKeyAnswer).toMatchObject({ status: 503, body: { error: { code: "service_unavailable" } } });
      const limitedStatuses = limitedAnswers.map((answer) => answer.status);
      expect(limitedStatuses.every((status) => status === 200 || status === 503)).toBe(true);
      expect(limitedStatuses).toContain(503); // its lease ran out and no new room could be asked for
      expect(limitedAnswers.find((answer) => answer.status === 503)!.body.error!.code).toBe("service_unavailable");

      // Every process replays its spool once the database is back.
      const freeItems = await usageOf(freeKey.id, 63);
      expect(freeItems).toHaveLength(63);
      expect(new Set(freeItems.map((item) => item.id)).size).toBe(63);
      expect(await rollupRequests(freeKey.id)).toBe(63);
      const served = 1 + limitedStatuses.filter((status) => status === 200).length;
      const limitedItems = await usageOf(limitedKey.id, served);
      expect(limitedItems.filter((item) => item.status === 200)).toHaveLength(served);
    }), 120_000);
});
