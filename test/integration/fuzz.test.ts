// Seeded, bounded fuzzing of the HTTP surface (the hardening issue's fuzz test):
// random methods, paths (real routes, garbage, broken percent-encoding), headers
// (real keys, garbage keys, odd content types) and bodies (JSON, deep JSON, random
// bytes, invalid UTF-8) against /proxy and /api/v1 of a running server. Asserts no
// answer is a 5xx, every request is answered, and memory stays bounded. A failure
// prints the seed and the request, so it can be replayed.
import { Agent, request as httpRequest } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { startTestGateway, TEST_ADMIN_TOKEN, type TestGateway } from "../helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";
import { startFakeAnthropic } from "../fakes/anthropic-upstream";

useTestDatabase();
const SEED = Number(process.env.FUZZ_SEED ?? 1405);
const REQUESTS = 2_500;
const PARALLEL = 8;

let gateway: TestGateway;
const upstreams: FakeServer[] = [];
let keySecret: string;
let keyId: string;

/** mulberry32: small, fast and the same on every machine. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[integer(items.length)];
  return { next, integer, pick };
}
type Random = ReturnType<typeof generator>;

beforeAll(async () => {
  upstreams.push(await startFakeOpenAI(), await startFakeAnthropic());
  gateway = await startTestGateway({ serveApi: true });
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  await gateway.api("POST", "/api/v1/providers", { slug: "oa", type: "openai", baseUrl: upstreams[0].url, apiKey: "sk-1" });
  await gateway.api("POST", "/api/v1/providers", { slug: "claude", type: "anthropic", baseUrl: upstreams[1].url, apiKey: "sk-2" });
  await gateway.api("POST", "/api/v1/routing-groups", { slug: "both", members: [{ provider: "oa", priority: 1, weight: 1 }, { provider: "claude", priority: 0, weight: 1 }] });
  const key = await gateway.api("POST", "/api/v1/keys", { name: "fuzz", kind: "project", limits: { daily: 5 } });
  keySecret = key.body.secret;
  keyId = key.body.id;
});

afterAll(async () => {
  for (const upstream of upstreams) await upstream.close();
  await gateway?.close();
});

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "LOCK", "PURGE"];
const ROUTES = ["oa", "claude", "both", "models", "nope", "%zz", "%", "%ff", "..", "%2e%2e", "a%00b", "", "x".repeat(300)];
const UPSTREAM_PATHS = ["chat/completions", "responses", "embeddings", "models", "v1/messages", "v1/messages/count_tokens", "v1beta/models/gemini-2.5-flash:generateContent", "model/x/converse-stream", "", "%ff", "a/../../b", "?key=gw_x"];
const API_PATHS = [
  "keys", "keys/{id}", "keys/{id}/reveal", "providers", "providers/{slug}", "providers/{slug}/test", "routing-groups", "routing-groups/{slug}",
  "projects", "projects/{slug}", "members", "members/{id}", "usage", "usage/{id}", "spending", "balance", "balance/ledger", "balance/credits",
  "balance/adjustments", "gateway", "gateway/setup", "audit-log", "management-tokens", "management-tokens/{id}", "organization", "routes",
  "overview", "cli/token", "cli/device", "cli/device/approve", "cli/sessions", "cli/sessions/{id}", "cli/status", "health", "openapi.json", "nope",
];
const IDS = () => ["%ff", "%", "oa", "both", "default", keyId, "0", "-1", "a".repeat(500), "null", "%00", "' OR 1=1 --", "..%2f.."];
const QUERIES = ["", "?limit=-1", "?limit=abc", "?cursor=%ff", "?from=yesterday&to=2026-13-45", "?groupBy=nothing", "?limit=99999999999999999999", "?org=%zz", "?key=%"];
const CONTENT_TYPES = ["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", ""];

function randomJson(random: Random, depth = 0): unknown {
  const roll = random.integer(depth > 4 ? 4 : 8);
  if (roll === 0) return null;
  if (roll === 1) return random.next() * 1e12 - 5e11;
  if (roll === 2) return random.pick(["", "gpt-4o-mini", "claude-sonnet-4-5", "\u0000", "💥".repeat(50), "a".repeat(2000)]);
  if (roll === 3) return random.next() < 0.5;
  if (roll < 6) return Array.from({ length: random.integer(4) }, () => randomJson(random, depth + 1));
  const keys = ["model", "messages", "stream", "max_tokens", "name", "kind", "slug", "type", "baseUrl", "limits", "members", "amountUsd", "role", "email", "__proto__", "constructor"];
  return Object.fromEntries(Array.from({ length: random.integer(6) }, () => [random.pick(keys), randomJson(random, depth + 1)]));
}

function randomBody(random: Random): Buffer | undefined {
  switch (random.integer(7)) {
    case 0:
      return undefined;
    case 1:
      return Buffer.from(JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }], max_tokens: 5, stream: random.next() < 0.5 }));
    case 2: {
      const depth = 2_000 + random.integer(20_000);
      return Buffer.from(`{"model":"gpt-4o-mini","stream":true,"messages":[],"a":${"[".repeat(depth)}${random.next() < 0.8 ? "]".repeat(depth) : ""}}`);
    }
    case 3:
      return Buffer.from(Array.from({ length: random.integer(4096) }, () => random.integer(256)));
    case 4:
      return Buffer.concat([Buffer.from('{"model":"'), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('"}')]);
    default:
      return Buffer.from(JSON.stringify(randomJson(random)));
  }
}

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** A request a real client could send (right key, route, path and method) carrying a random body: reaches the engine's depths. */
function nearValidRequest(random: Random): FuzzRequest {
  const headers = { "content-type": "application/json", "anthropic-version": "2023-06-01" };
  if (random.next() < 0.6) {
    const [route, path] = random.pick([["oa", "chat/completions"], ["oa", "responses"], ["oa", "embeddings"], ["both", "chat/completions"], ["claude", "v1/messages"]] as const);
    return { method: "POST", path: `/proxy/${route}/${path}`, headers: { ...headers, authorization: `Bearer ${keySecret}` }, body: randomBody(random) };
  }
  const path = `/api/v1/${random.pick(API_PATHS).replace(/\{\w+\}/, () => random.pick(IDS()))}${random.pick(QUERIES)}`;
  return { method: random.pick(["GET", "POST", "PATCH", "DELETE"]), path, headers: { ...headers, authorization: `Bearer ${TEST_ADMIN_TOKEN}` }, body: randomBody(random) };
}

function randomRequest(random: Random): FuzzRequest {
  if (random.next() < 0.5) return nearValidRequest(random);
  const toProxy = random.next() < 0.55;
  let path: string;
  if (toProxy) {
    path = `/proxy/${random.pick(ROUTES)}/${random.pick(UPSTREAM_PATHS)}`;
  } else {
    path = `/api/v1/${random.pick(API_PATHS).replace(/\{\w+\}/, () => random.pick(IDS()))}`;
  }
  path += random.pick(QUERIES);
  const headers: Record<string, string> = {};
  const credential = random.pick([`Bearer ${keySecret}`, `Bearer ${TEST_ADMIN_TOKEN}`, "Bearer gw_nope", "Bearer ", "Basic Zm9vOmJhcg==", ""]);
  if (credential) headers[random.next() < 0.8 ? "authorization" : "x-api-key"] = credential.replace(/^Bearer /, random.next() < 0.8 ? "Bearer " : "");
  const contentType = random.pick(CONTENT_TYPES);
  if (contentType) headers["content-type"] = contentType;
  if (random.next() < 0.2) headers["x-gateway-organization"] = random.pick(["%ff", "default", "other", ""]);
  if (random.next() < 0.2) headers["origin"] = random.pick(["http://evil.example", "null", gateway.origin]);
  if (random.next() < 0.1) headers["anthropic-version"] = random.pick(["2023-06-01", "", "garbage"]);
  if (random.next() < 0.1) headers["content-encoding"] = random.pick(["gzip", "br", "identity", "bogus"]);
  if (random.next() < 0.1) headers["x-gateway-cache"] = random.pick(["on", "off", "refresh", "maybe"]);
  return { method: random.pick(METHODS), path, headers, body: randomBody(random) };
}

const agent = new Agent({ keepAlive: true, maxSockets: PARALLEL });

function send(fuzz: FuzzRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { ...fuzz.headers, ...(fuzz.body ? { "content-length": String(fuzz.body.byteLength) } : {}) };
    const call = httpRequest(`${gateway.origin}${fuzz.path}`, { method: fuzz.method, headers, agent }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode!));
      response.on("error", reject);
    });
    call.on("error", reject);
    call.end(fuzz.body);
  });
}

it(`answers ${REQUESTS} random requests (seed ${SEED}) without a 5xx, a hang or a crash`, async () => {
  const random = generator(SEED);
  const requests = Array.from({ length: REQUESTS }, () => randomRequest(random));
  const rssBefore = process.memoryUsage().rss;
  const serverErrors: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const fuzz = requests[next++];
      const status = await send(fuzz).catch((error: Error) => {
        serverErrors.push(`no answer (${error.message}) to ${fuzz.method} ${fuzz.path} ${JSON.stringify(fuzz.headers)}`);
        return 0;
      });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) serverErrors.push(`${status} for ${fuzz.method} ${fuzz.path} ${JSON.stringify(fuzz.headers)} body ${fuzz.body?.subarray(0, 120).toString("latin1")}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  expect(serverErrors.slice(0, 10), `seed ${SEED}`).toEqual([]);
  expect([...statuses.values()].reduce((sum, count) => sum + count, 0)).toBe(REQUESTS);
  // Served, and still serving: a real call goes through after the storm.
  const after = await fetch(`${gateway.proxyUrl}/oa/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${keySecret}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hi" }] }),
  });
  expect([200, 403, 429]).toContain(after.status); // 403/429 if the fuzz disabled the gateway or spent the key's limit
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
}, 120_000);
