// Every error row of SPEC §2, seen through the official SDKs: each must raise
// its normal error class with the right status, and the gateway's code must be
// in x-gateway-error-code (and error.code on OpenAI-style routes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";
import { ApiError as GoogleApiError, GoogleGenAI } from "@google/genai";
import { useTestDatabase } from "../helpers/test-database";
import { startTestGateway, type TestGateway } from "../helpers/gateway";
import { startFakeOpenAI, type FakeServer } from "../fakes/openai-upstream";
import { startFakeAnthropic } from "../fakes/anthropic-upstream";
import { startFakeGemini } from "../fakes/google-upstream";

useTestDatabase();

let gateway: TestGateway;
const upstreams: FakeServer[] = [];
let secret: string;
let keyId: string;

beforeAll(async () => {
  process.env.GATEWAY_MAX_BODY_BYTES = String(64 * 1024);
  gateway = await startTestGateway();
  const openai = await startFakeOpenAI();
  const anthropic = await startFakeAnthropic();
  const gemini = await startFakeGemini();
  upstreams.push(openai, anthropic, gemini);
  await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" });
  await gateway.api("POST", "/api/v1/providers", { slug: "oa", type: "openai", baseUrl: openai.url, apiKey: "sk-1" });
  await gateway.api("POST", "/api/v1/providers", { slug: "priced", type: "openai", baseUrl: openai.url, apiKey: "sk-1", requirePricing: true });
  await gateway.api("POST", "/api/v1/providers", { slug: "claude", type: "anthropic", baseUrl: anthropic.url, apiKey: "sk-ant" });
  await gateway.api("POST", "/api/v1/providers", { slug: "gemini", type: "google", baseUrl: gemini.url, apiKey: "goog" });
  const key = await gateway.api("POST", "/api/v1/keys", { name: "errors", kind: "project" });
  secret = key.body.secret;
  keyId = key.body.id;
});

afterAll(async () => {
  delete process.env.GATEWAY_MAX_BODY_BYTES;
  for (const upstream of upstreams) await upstream.close();
  await gateway?.close();
});

const openai = (apiKey = secret, route = "oa") => new OpenAI({ baseURL: `${gateway.proxyUrl}/${route}`, apiKey, maxRetries: 0 });
const anthropic = (apiKey = secret) => new Anthropic({ baseURL: `${gateway.proxyUrl}/claude`, apiKey, maxRetries: 0 });
const gemini = (apiKey = secret) => new GoogleGenAI({ apiKey, httpOptions: { baseUrl: `${gateway.proxyUrl}/gemini` } });

const chat = (client: OpenAI, model = "gpt-4o-mini") => client.chat.completions.create({ model, messages: [{ role: "user", content: "Hi" }] });
const message = (client: Anthropic) => client.messages.create({ model: "claude-sonnet-4-5", max_tokens: 16, messages: [{ role: "user", content: "Hi" }] });
const generate = (client: GoogleGenAI) => client.models.generateContent({ model: "gemini-2.5-flash", contents: "Hi" });

async function failure<T>(promise: Promise<T>): Promise<any> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error) => error,
  );
}

describe("authentication errors in each SDK's shape", () => {
  it("401 invalid_api_key", async () => {
    const openaiError = await failure(chat(openai("gw_unknown")));
    expect(openaiError).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(openaiError.code).toBe("invalid_api_key");
    expect(openaiError.headers.get("x-gateway-error-code")).toBe("invalid_api_key");

    const anthropicError = await failure(message(anthropic("gw_unknown")));
    expect(anthropicError).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(anthropicError.error.error.type).toBe("authentication_error");

    const googleError = await failure(generate(gemini("gw_unknown")));
    expect(googleError).toBeInstanceOf(GoogleApiError);
    expect(googleError.status).toBe(401);
    expect(googleError.message).toContain("UNAUTHENTICATED");
  });

  it("401 when no key is sent at all", async () => {
    const response = await fetch(`${gateway.proxyUrl}/oa/chat/completions`, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("invalid_api_key");
  });

  it("403 key_expired, key_disabled, key_revoked", async () => {
    const expired = await gateway.api("POST", "/api/v1/keys", { name: "old", kind: "project", expiresAt: "2020-01-01T00:00:00Z" });
    const expiredError = await failure(chat(openai(expired.body.secret)));
    expect(expiredError).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(expiredError.code).toBe("key_expired");

    const disabled = await gateway.api("POST", "/api/v1/keys", { name: "off", kind: "project" });
    await gateway.api("PATCH", `/api/v1/keys/${disabled.body.id}`, { disabled: true });
    const disabledError = await failure(message(anthropic(disabled.body.secret)));
    expect(disabledError).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect(disabledError.error.error.type).toBe("permission_error");
    expect(disabledError.headers.get("x-gateway-error-code")).toBe("key_disabled");

    const revoked = await gateway.api("POST", "/api/v1/keys", { name: "gone", kind: "project" });
    await gateway.api("DELETE", `/api/v1/keys/${revoked.body.id}`);
    const revokedError = await failure(generate(gemini(revoked.body.secret)));
    expect(revokedError.status).toBe(403);
    expect(revokedError.message).toContain("PERMISSION_DENIED");
  });
});

describe("request errors", () => {
  it("404 route_not_found", async () => {
    const error = await failure(chat(openai(secret, "nowhere")));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error.code).toBe("route_not_found");
  });

  it("400 model_not_priced before anything is forwarded", async () => {
    const before = upstreams[0].requests.length;
    const error = await failure(chat(openai(secret, "priced"), "my-unpriced-finetune"));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.code).toBe("model_not_priced");
    expect(upstreams[0].requests.length).toBe(before);
  });

  it("400 invalid_request for malformed JSON, in each shape", async () => {
    const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
    const openaiAnswer = await fetch(`${gateway.proxyUrl}/oa/chat/completions`, { method: "POST", headers, body: "{not json" });
    expect(openaiAnswer.status).toBe(400);
    expect((await openaiAnswer.json()).error).toMatchObject({ code: "invalid_request", type: "invalid_request_error" });

    const anthropicAnswer = await fetch(`${gateway.proxyUrl}/claude/v1/messages`, { method: "POST", headers, body: "{not json" });
    expect(anthropicAnswer.status).toBe(400);
    expect(await anthropicAnswer.json()).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
    expect(anthropicAnswer.headers.get("x-gateway-error-code")).toBe("invalid_request");
  });

  it("413 request_too_large", async () => {
    const error = await failure(
      openai().chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "x".repeat(100 * 1024) }] }),
    );
    expect(error.status).toBe(413);
    expect(error.code).toBe("request_too_large");
  });

  it("429 spending_limit_exceeded and 402 insufficient_balance carry their codes in the Anthropic shape", async () => {
    const limited = await gateway.api("POST", "/api/v1/keys", { name: "tiny", kind: "project", limits: { total: 0.000001 } });
    await gateway.api("PATCH", "/api/v1/providers/claude", { prices: [{ model: "claude-sonnet-4-5", inputPerMillion: 3, outputPerMillion: 15 }] });
    const error = await failure(message(anthropic(limited.body.secret)));
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error.error.error.type).toBe("rate_limit_error");
    expect(error.headers.get("x-gateway-error-code")).toBe("spending_limit_exceeded");
  });
});

describe("gateway switched off", () => {
  it("403 gateway_disabled, and refused requests are logged with cost 0", async () => {
    await gateway.api("PATCH", "/api/v1/gateway", { enabled: false });
    try {
      const error = await failure(chat(openai()));
      expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
      expect(error.code).toBe("gateway_disabled");
    } finally {
      await gateway.api("PATCH", "/api/v1/gateway", { enabled: true });
    }
    const { flushUsage } = await import("../helpers/gateway");
    await flushUsage();
    const usage = await gateway.api("GET", `/api/v1/usage?key=${keyId}&limit=500`);
    const refused = usage.body.items.find((item: { error: string | null }) => item.error === "gateway_disabled");
    expect(refused).toMatchObject({ status: 403, costUsd: 0 });
  });
});
