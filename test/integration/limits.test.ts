// Spending limits with reservations (SPEC §2 Limits): key windows, member
// windows across personal keys, the prepaid balance of built-in providers and
// auto-recharge — including a burst of parallel requests that must not overshoot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import OpenAI from "openai";
import { useTestDatabase } from "../helpers/test-database";
import { flushUsage, startTestGateway, type TestGateway } from "../helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";

useTestDatabase();

let gateway: TestGateway;
let upstream: FakeServer;

// $1,000 per million tokens both ways: 10 input + 20 output tokens cost exactly $0.03.
const PRICES = [{ model: "gpt-4o-mini", inputPerMillion: 1000, outputPerMillion: 1000 }];
const REQUEST_COST_USD = 0.03;

beforeAll(async () => {
  upstream = await startFakeOpenAI({ behaviour: { usage: { inputTokens: 10, outputTokens: 20 } } });
  process.env.GATEWAY_BUILTIN_OPENAI_API_KEY = "sk-operator-key";
  process.env.GATEWAY_BUILTIN_OPENAI_BASE_URL = upstream.url;
  gateway = await startTestGateway();
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  const provider = await gateway.api("POST", "/api/v1/providers", { slug: "byok", type: "openai", baseUrl: upstream.url, apiKey: "sk-x", prices: PRICES });
  expect(provider.status).toBe(201);
});

afterAll(async () => {
  delete process.env.GATEWAY_BUILTIN_OPENAI_API_KEY;
  delete process.env.GATEWAY_BUILTIN_OPENAI_BASE_URL;
  await upstream?.close();
  await gateway?.close();
});

async function createKey(body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const answer = await gateway.api("POST", "/api/v1/keys", { name: "limits", kind: "project", ...body });
  expect(answer.status).toBe(201);
  return answer.body;
}

function chat(secret: string, route = "byok") {
  const client = new OpenAI({ baseURL: `${gateway.proxyUrl}/${route}`, apiKey: secret, maxRetries: 0 });
  return client.chat.completions.create({ model: "gpt-4o-mini", max_tokens: 20, messages: [{ role: "user", content: "Hi" }] });
}

async function keySpend(id: string): Promise<number> {
  await flushUsage();
  const usage = await gateway.api("GET", `/api/v1/usage?key=${id}&limit=500`);
  return usage.body.items.reduce((sum: number, item: { costUsd: number }) => sum + item.costUsd, 0);
}

describe("key limits", () => {
  it("refuses with 429 spending_limit_exceeded once a daily limit is used up, naming the reset", async () => {
    const key = await createKey({ limits: { daily: 0.1 } });
    let succeeded = 0;
    let refusal: any;
    for (let attempt = 0; attempt < 6 && !refusal; attempt++) {
      await chat(key.secret).then(
        () => succeeded++,
        (error) => (refusal = error),
      );
    }
    expect(succeeded).toBeGreaterThanOrEqual(1);
    expect(succeeded).toBeLessThanOrEqual(3);
    expect(refusal).toBeInstanceOf(OpenAI.RateLimitError);
    expect(refusal.code).toBe("spending_limit_exceeded");
    expect(refusal.message).toMatch(/key daily limit of \$0\.10 reached; resets \d{4}-\d\d-\d\dT00:00:00Z/);
    expect(await keySpend(key.id)).toBeLessThanOrEqual(0.1 + 1e-9);
  });

  it("lets at most 11 of 100 parallel requests through a key with room for 10", async () => {
    const key = await createKey({ limits: { total: REQUEST_COST_USD * 10 } });
    const outcomes = await Promise.allSettled(Array.from({ length: 100 }, () => chat(key.secret)));
    const succeeded = outcomes.filter((outcome) => outcome.status === "fulfilled").length;
    const refused = outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => (outcome as PromiseRejectedResult).reason);
    expect(succeeded).toBeGreaterThan(0);
    expect(succeeded).toBeLessThanOrEqual(11);
    expect(refused.every((error) => error.status === 429 && error.code === "spending_limit_exceeded")).toBe(true);
    expect(await keySpend(key.id)).toBeLessThanOrEqual(REQUEST_COST_USD * 11 + 1e-9);
  });

  it("applies a limit change to the proxy at once", async () => {
    const key = await createKey({});
    await chat(key.secret);
    expect((await gateway.api("PATCH", `/api/v1/keys/${key.id}`, { disabled: true })).status).toBe(200);
    const error = await chat(key.secret).catch((caught) => caught);
    expect(error.status).toBe(403);
    expect(error.code).toBe("key_disabled");
    await gateway.api("DELETE", `/api/v1/keys/${key.id}`);
    expect((await chat(key.secret).catch((caught) => caught)).code).toBe("key_revoked");
  });
});

describe("spend before a limit exists", () => {
  it("is shown for every window and counts against a limit added later", async () => {
    const key = await createKey({});
    await chat(key.secret);
    await chat(key.secret);
    await flushUsage();
    const shown = await gateway.api("GET", `/api/v1/keys/${key.id}`);
    expect(shown.body.spend).toEqual({ daily: 0.06, weekly: 0.06, monthly: 0.06, total: 0.06 });

    // Room for one more request at most: $0.06 already spent counts.
    await gateway.api("PATCH", `/api/v1/keys/${key.id}`, { limits: { weekly: 0.1 } });
    await chat(key.secret).catch(() => undefined);
    const refusal = await chat(key.secret).catch((caught) => caught);
    expect(refusal.code).toBe("spending_limit_exceeded");
    expect(await keySpend(key.id)).toBeLessThanOrEqual(0.1 + 1e-9);

    // Removed and added again: counts everything spent this week ($0.09 + a ~$0.047 worst case
    // exceeds $0.12), not what the counter held when the limit was removed ($0.06 would pass).
    await gateway.api("PATCH", `/api/v1/keys/${key.id}`, { limits: { weekly: null } });
    await chat(key.secret);
    await flushUsage();
    await gateway.api("PATCH", `/api/v1/keys/${key.id}`, { limits: { weekly: 0.12 } });
    expect((await chat(key.secret).catch((caught) => caught)).code).toBe("spending_limit_exceeded");
  });
});

describe("member limits", () => {
  it("count all of a member's personal keys together", async () => {
    const member = await gateway.api("POST", "/api/v1/members", { email: "dev@example.com", password: "a-long-password", role: "member" });
    expect(member.status).toBe(201);
    const limited = await gateway.api("PATCH", `/api/v1/members/${member.body.id}`, { limits: { daily: REQUEST_COST_USD * 3 } });
    expect(limited.body.limits.daily).toBeCloseTo(REQUEST_COST_USD * 3);
    const first = await createKey({ kind: "personal", owner: member.body.id });
    const second = await createKey({ kind: "personal", owner: member.body.id });
    let succeeded = 0;
    let refusal: any;
    for (let attempt = 0; attempt < 8 && !refusal; attempt++) {
      await chat(attempt % 2 ? first.secret : second.secret).then(
        () => succeeded++,
        (error) => (refusal = error),
      );
    }
    expect(succeeded).toBeLessThanOrEqual(3);
    expect(refusal?.code).toBe("spending_limit_exceeded");
    expect(refusal.message).toContain("member daily limit");
    expect((await keySpend(first.id)) + (await keySpend(second.id))).toBeLessThanOrEqual(REQUEST_COST_USD * 3 + 1e-9);
  });
});

describe("prepaid balance for built-in providers", () => {
  it("answers 402 at zero balance, then works after credits, and auto-recharges once below the threshold", async () => {
    const activation = await gateway.api("PATCH", "/api/v1/providers/openai", { enabled: true, prices: PRICES });
    expect(activation.status).toBe(200);
    expect(activation.body).toMatchObject({ kind: "built-in", enabled: true });
    const key = await createKey({});

    const refusal = await chat(key.secret, "openai").catch((caught) => caught);
    expect(refusal.status).toBe(402);
    expect(refusal.code).toBe("insufficient_balance");

    expect((await gateway.api("POST", "/api/v1/balance/credits", { amountUsd: 0.1 })).status).toBe(201);
    await chat(key.secret, "openai");
    await flushUsage();
    expect((await gateway.api("GET", "/api/v1/balance")).body.balanceUsd).toBeCloseTo(0.07, 9);

    const recharge = await gateway.api("PATCH", "/api/v1/balance", { autoRecharge: { enabled: true, thresholdUsd: 0.05, targetUsd: 1 } });
    expect(recharge.status).toBe(200);
    await chat(key.secret, "openai"); // 0.07 → 0.04: below the threshold, recharged to 1.00
    await flushUsage();
    await chat(key.secret, "openai"); // 1.00 → 0.97: above it, no recharge
    await flushUsage();
    const balance = await gateway.api("GET", "/api/v1/balance");
    expect(balance.body.balanceUsd).toBeCloseTo(0.97, 9);
    const ledger = await gateway.api("GET", "/api/v1/balance/ledger");
    expect(ledger.body.filter((entry: { kind: string }) => entry.kind === "auto_recharge")).toHaveLength(1);
  });

  it("rejects a PATCH that tries to set the balance directly", async () => {
    const answer = await gateway.api("PATCH", "/api/v1/balance", { balanceUsd: 100 });
    expect(answer.status).toBe(400);
  });
});
