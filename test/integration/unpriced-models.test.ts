// No free ride on unpriced models (issue 11, SPEC §6): when a USD limit applies
// to a request, a model with no price (custom, catalog or the provider's
// fallbackPrice) is refused with 400 model_not_priced and x-should-retry: false
// before anything is forwarded; a fallback price reserves and bills; a path the
// gateway cannot meter is refused on such requests unless it only reads. A key
// without limits on a BYOK provider that does not require pricing is served as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import OpenAI from "openai";
import { useTestDatabase } from "../helpers/test-database";
import type { TestGateway } from "../helpers/gateway";
import { startGatewayWithProviders, usageRowOf } from "../helpers/provider-scenario";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";

useTestDatabase();

const UNPRICED_MODEL = "my-unpriced-finetune";
// $2,000 / $4,000 per million: 10 input + 20 output tokens cost exactly $0.1.
const FALLBACK = { inputPerMillion: 2000, outputPerMillion: 4000 };

let gateway: TestGateway;
let upstream: FakeServer;
let unlimitedKey: string;
let limitedKey: string;

beforeAll(async () => {
  upstream = await startFakeOpenAI({ behaviour: { usage: { inputTokens: 10, outputTokens: 20 } } });
  ({ gateway, gatewayKey: unlimitedKey } = await startGatewayWithProviders("unlimited", [
    { slug: "byok", type: "openai-compatible", baseUrl: upstream.url, apiKey: "sk-x" },
    { slug: "fallback", type: "openai-compatible", baseUrl: upstream.url, apiKey: "sk-x", fallbackPrice: FALLBACK },
  ]));
  const limited = await gateway.api("POST", "/api/v1/keys", { name: "limited", kind: "project", limits: { daily: 5 } });
  expect(limited.status).toBe(201);
  limitedKey = limited.body.secret;
});

afterAll(async () => {
  await upstream?.close();
  await gateway?.close();
});

const client = (secret: string, route: string) => new OpenAI({ baseURL: `${gateway.proxyUrl}/${route}`, apiKey: secret, maxRetries: 0 });

function chat(secret: string, route: string, maxTokens = 20) {
  return client(secret, route).chat.completions.create({ model: UNPRICED_MODEL, max_tokens: maxTokens, messages: [{ role: "user", content: "Hi" }] }).withResponse();
}

async function refusal(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenAI.APIError);
  return error as InstanceType<typeof OpenAI.APIError>;
}

describe("unpriced models", () => {
  it("a key without limits is served an unpriced model at $0 on a provider that does not require pricing", async () => {
    const { response } = await chat(unlimitedKey, "byok");
    const row = await usageRowOf(gateway, response.headers.get("x-gateway-request-id"));
    expect(row).toMatchObject({ model: UNPRICED_MODEL, status: 200, inputTokens: 10, outputTokens: 20, costUsd: 0 });
  });

  it("a key with a USD limit is refused with model_not_priced, x-should-retry: false, before forwarding", async () => {
    const before = upstream.requests.length;
    const error = await refusal(chat(limitedKey, "byok"));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.code).toBe("model_not_priced");
    expect(error.message).toContain(UNPRICED_MODEL);
    expect(error.message).toContain("fallback price");
    expect(error.headers?.get("x-should-retry")).toBe("false");
    expect(error.headers?.get("x-gateway-error-code")).toBe("model_not_priced");
    expect(upstream.requests.length).toBe(before);
  });

  it("the provider's fallback price bills the unpriced model for a limited key", async () => {
    const { response } = await chat(limitedKey, "fallback");
    expect(Number(response.headers.get("x-gateway-cost-usd"))).toBe(0.1);
    const row = await usageRowOf(gateway, response.headers.get("x-gateway-request-id"));
    expect(row).toMatchObject({ model: UNPRICED_MODEL, status: 200, inputTokens: 10, outputTokens: 20, costUsd: 0.1 });
  });

  it("the fallback price reserves: an output cap worth more than the limit is refused before forwarding", async () => {
    const before = upstream.requests.length;
    // 4,000 $/M × 2,000 output tokens = $8 of worst case against a $5 daily limit.
    const error = await refusal(chat(limitedKey, "fallback", 2000));
    expect(error.status).toBe(429);
    expect(error.code).toBe("spending_limit_exceeded");
    expect(upstream.requests.length).toBe(before);
  });
});

describe("operations the gateway cannot meter", () => {
  const post = (secret: string, path: string) =>
    fetch(`${gateway.proxyUrl}/byok/${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-image-1", prompt: "a cat" }),
    });

  it("are refused for a key with a USD limit, in the route's own error shape", async () => {
    const before = upstream.requests.length;
    const answer = await post(limitedKey, "images/generations");
    expect(answer.status).toBe(400);
    expect(answer.headers.get("x-should-retry")).toBe("false");
    const body = await answer.json();
    expect(body.error).toMatchObject({ code: "model_not_priced", type: "invalid_request_error" });
    expect(body.error.message).toContain("cannot meter");
    expect(upstream.requests.length).toBe(before);
  });

  it("pass through for reads, and for a key without limits", async () => {
    const read = await fetch(`${gateway.proxyUrl}/byok/files/file-abc`, { headers: { authorization: `Bearer ${limitedKey}` } });
    expect(read.headers.get("x-gateway-error-code")).toBeNull();
    expect(upstream.requests.at(-1)?.path).toBe("/v1/files/file-abc");
    const before = upstream.requests.length;
    const unlimited = await post(unlimitedKey, "images/generations");
    expect(unlimited.headers.get("x-gateway-error-code")).toBeNull();
    expect(upstream.requests.length).toBe(before + 1);
  });
});
