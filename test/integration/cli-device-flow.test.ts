// The CLI's sign-in (SPEC §6, RFC 8628) against a running gateway: a device
// code issued, polled (authorization_pending, slow_down), approved or denied
// by a signed-in member through the API /device uses, expired; tokens issued
// and refreshed; access tokens accepted by /proxy as the member's personal
// credential (member limits, usage attribution) without reaching the
// upstream; and revocation from Settings stopping both the access token and
// the next refresh.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import Anthropic from "@anthropic-ai/sdk";
import { useTestDatabase } from "../helpers/test-database";
import { dispatchApiRequest, flushUsage, type TestGateway } from "../helpers/gateway";
import { startGatewayWithProviders } from "../helpers/provider-scenario";
import { expectNoGatewayKeyInAny } from "../helpers/upstream-assertions";
import { startFakeAnthropic } from "../fakes/anthropic-upstream";
import { DEFAULT_REPLY_TEXT, type FakeServer } from "../fakes/fake-server";

useTestDatabase();

let signedInUserId: string | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => signedInUserId }));

const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
const MODEL = "claude-haiku-4-5";
const PRICES = [{ model: MODEL, inputPerMillion: 2, outputPerMillion: 8 }];

let gateway: TestGateway;
let upstream: FakeServer;
let memberId: string;
let otherMemberId: string;
const issuedTokens: string[] = [];

beforeAll(async () => {
  upstream = await startFakeAnthropic({ apiKey: "sk-ant-upstream" });
  ({ gateway } = await startGatewayWithProviders("unused", [{ slug: "claude", type: "anthropic", baseUrl: upstream.url, apiKey: "sk-ant-upstream", prices: PRICES }]));
  memberId = (await gateway.api("POST", "/api/v1/members", { email: "dev@example.com", password: "long-enough-1", role: "member" })).body.id;
  otherMemberId = (await gateway.api("POST", "/api/v1/members", { email: "other@example.com", password: "long-enough-2", role: "member" })).body.id;
});

afterAll(async () => {
  await upstream?.close();
  await gateway?.close();
});

async function signInAs(membershipId: string | null) {
  if (!membershipId) {
    signedInUserId = null;
    return;
  }
  const { db } = await import("@/lib/db");
  signedInUserId = (await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).userId;
}

/** As a member's browser on /device calls the API: the dashboard session, no bearer token. */
async function asMember<Body = any>(membershipId: string, method: string, path: string, body?: unknown) {
  await signInAs(membershipId);
  try {
    return await gateway.api<Body>(method, path, body, { token: null });
  } finally {
    signedInUserId = null;
  }
}

async function startDevice(clientName = "gateway CLI on laptop") {
  const answer = await gateway.api("POST", "/api/v1/cli/device", { client_name: clientName }, { token: null });
  expect(answer.status).toBe(200);
  return answer.body as { device_code: string; user_code: string; verification_uri: string; expires_in: number; interval: number };
}

const poll = (deviceCode: string) => gateway.api("POST", "/api/v1/cli/token", { grant_type: DEVICE_GRANT, device_code: deviceCode }, { token: null });

async function signInThroughDevice(membershipId: string): Promise<{ access_token: string; refresh_token: string; expires_in: number }> {
  const device = await startDevice();
  expect((await asMember(membershipId, "POST", "/api/v1/cli/device/approve", { user_code: device.user_code })).status).toBe(200);
  const tokens = await poll(device.device_code);
  expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
  issuedTokens.push(tokens.body.access_token, tokens.body.refresh_token);
  return tokens.body;
}

async function sessionIdOf(accessToken: string): Promise<string> {
  const { verifyAccessToken } = await import("@/lib/cli-sessions/tokens");
  const check = verifyAccessToken(accessToken);
  if (!check.valid) throw new Error(`not a valid access token: ${check.reason}`);
  return check.payload.sid;
}

function anthropicWith(token: string) {
  return new Anthropic({ baseURL: `${gateway.proxyUrl}/claude`, apiKey: token, maxRetries: 0 });
}

const say = (token: string, maxTokens = 50) => anthropicWith(token).messages.create({ model: MODEL, max_tokens: maxTokens, messages: [{ role: "user", content: "hi" }] });

describe("the device authorization grant", () => {
  it("issues a device code and a short user code pointing at /device", async () => {
    const device = await startDevice();
    expect(device.user_code).toMatch(/^[B-Z]{4}-[B-Z]{4}$/);
    expect(device.device_code).toMatch(/^gwd_/);
    expect(device.verification_uri).toMatch(/\/device$/);
    expect(device.expires_in).toBe(600);
    expect(device.interval).toBe(5);
  });

  it("answers authorization_pending, then slow_down to a client polling faster than the interval", async () => {
    const device = await startDevice();
    const first = await poll(device.device_code);
    expect(first).toMatchObject({ status: 400, body: { error: "authorization_pending" } });
    const second = await poll(device.device_code);
    expect(second).toMatchObject({ status: 400, body: { error: "slow_down" } });
    expect(second.body.error_description).toContain("10 seconds");
  });

  it("shows the member which CLI asks, then issues tokens once after approval", async () => {
    const device = await startDevice("gateway CLI on build-box");
    const described = await asMember(memberId, "GET", `/api/v1/cli/device?user_code=${device.user_code.toLowerCase().replace("-", "")}`);
    expect(described.body).toMatchObject({ userCode: device.user_code, clientName: "gateway CLI on build-box", scope: "gateway:proxy", status: "pending" });
    expect((await asMember(memberId, "POST", "/api/v1/cli/device/approve", { user_code: device.user_code })).status).toBe(200);
    const tokens = await poll(device.device_code);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({ token_type: "Bearer", expires_in: 900, scope: "gateway:proxy" });
    expect(tokens.body.access_token).toMatch(/^gwa_/);
    expect(tokens.body.refresh_token).toMatch(/^gwr_/);
    issuedTokens.push(tokens.body.access_token, tokens.body.refresh_token);
    // A device code is good for one session only.
    expect((await poll(device.device_code)).body.error).toBe("invalid_grant");
    expect((await asMember(memberId, "POST", "/api/v1/cli/device/approve", { user_code: device.user_code })).status).toBe(409);
  });

  it("answers access_denied once the member denies", async () => {
    const device = await startDevice();
    expect((await asMember(memberId, "POST", "/api/v1/cli/device/deny", { user_code: device.user_code })).status).toBe(200);
    expect(await poll(device.device_code)).toMatchObject({ status: 400, body: { error: "access_denied" } });
  });

  it("answers expired_token for an expired code, which can no longer be approved", async () => {
    const device = await startDevice();
    const { db } = await import("@/lib/db");
    await db.deviceAuthorization.update({ where: { userCode: device.user_code }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await poll(device.device_code)).toMatchObject({ status: 400, body: { error: "expired_token" } });
    expect((await asMember(memberId, "POST", "/api/v1/cli/device/approve", { user_code: device.user_code })).status).toBe(404);
  });

  it("needs a signed-in member to approve: not a management token, not nobody", async () => {
    const device = await startDevice();
    expect((await gateway.api("POST", "/api/v1/cli/device/approve", { user_code: device.user_code })).status).toBe(403);
    expect((await gateway.api("POST", "/api/v1/cli/device/approve", { user_code: device.user_code }, { token: null })).status).toBe(401);
    expect((await asMember(memberId, "POST", "/api/v1/cli/device/approve", { user_code: "nope" })).status).toBe(404);
  });

  it("speaks OAuth's form encoding and error vocabulary", async () => {
    const formRequest = (path: string, body: Record<string, string>) =>
      dispatchApiRequest(
        new Request(new URL(path, gateway.origin), {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(body).toString(),
        }),
      ).then(async (response) => ({ status: response.status, body: await response.json() }));
    const formPost = (body: Record<string, string>) => formRequest("/api/v1/cli/token", body);
    expect((await formPost({ grant_type: "password" })).body.error).toBe("unsupported_grant_type");
    expect((await formPost({})).body.error).toBe("invalid_request");
    expect((await formPost({ grant_type: DEVICE_GRANT, device_code: "gwd_unknown" })).body.error).toBe("invalid_grant");
    expect((await formPost({ grant_type: "refresh_token", refresh_token: "gwr_unknown" })).body.error).toBe("invalid_grant");
    expect(await formRequest("/api/v1/cli/device", { scope: "admin" })).toMatchObject({ status: 400, body: { error: "invalid_scope" } });
    expect((await formRequest("/api/v1/cli/device", { client_name: "curl" })).body.user_code).toMatch(/^[B-Z]{4}-[B-Z]{4}$/);
  });
});

describe("access tokens on /proxy", () => {
  it("are accepted as the member's personal credential and attributed to them", async () => {
    const tokens = await signInThroughDevice(memberId);
    const message = await say(tokens.access_token);
    expect(message.content[0]).toMatchObject({ type: "text", text: DEFAULT_REPLY_TEXT });
    await flushUsage();
    const usage = await gateway.api("GET", "/api/v1/usage?limit=5");
    const row = usage.body.items[0];
    expect(row).toMatchObject({ memberId, route: "claude", status: 200, keyId: await sessionIdOf(tokens.access_token) });
    const byKey = await gateway.api("GET", "/api/v1/spending?groupBy=key");
    expect(byKey.body.breakdown.map((entry: { label: string }) => entry.label)).toContain("CLI: gateway CLI on laptop");
  });

  it("are held to the member's limits", async () => {
    const tokens = await signInThroughDevice(otherMemberId);
    expect((await gateway.api("PATCH", `/api/v1/members/${otherMemberId}`, { limits: { daily: 0.000001 } })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await say(tokens.access_token, 4000).catch((error: unknown) => error as InstanceType<typeof Anthropic.APIError>);
    expect(refused).toBeInstanceOf(Anthropic.APIError);
    expect((refused as InstanceType<typeof Anthropic.APIError>).status).toBe(429);
    expect((refused as InstanceType<typeof Anthropic.APIError>).message).toContain("member daily limit");
    await gateway.api("PATCH", `/api/v1/members/${otherMemberId}`, { limits: { daily: null } });
  });

  it("are refused when tampered with or expired, with 401", async () => {
    const tokens = await signInThroughDevice(memberId);
    const tampered = tokens.access_token.slice(0, -3) + (tokens.access_token.endsWith("AAA") ? "BBB" : "AAA");
    expect(await say(tampered).catch((error) => error.status)).toBe(401);
    const { signAccessToken, verifyAccessToken } = await import("@/lib/cli-sessions/tokens");
    const claims = verifyAccessToken(tokens.access_token);
    expect(claims.valid).toBe(true);
    const payload = (claims as { payload: { sid: string; mid: string; oid: string } }).payload;
    const stale = signAccessToken({ sessionId: payload.sid, membershipId: payload.mid, organizationId: payload.oid }, Date.now() - 3_600_000).token;
    const answer = await fetch(`${gateway.proxyUrl}/claude/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": stale, "content-type": "application/json", "anthropic-version": "2023-06-01" },
      body: JSON.stringify({ model: MODEL, max_tokens: 5, messages: [{ role: "user", content: "hi" }] }),
    });
    expect(answer.status).toBe(401);
    expect((await answer.json()).error.message).toContain("expired");
  });

  it("are refreshed with the refresh token, and stop — with the next refresh — once the session is revoked", async () => {
    const tokens = await signInThroughDevice(memberId);
    const refreshed = await gateway.api("POST", "/api/v1/cli/token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token }, { token: null });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBe(tokens.refresh_token);
    issuedTokens.push(refreshed.body.access_token);
    expect((await say(refreshed.body.access_token)).content[0]).toMatchObject({ text: DEFAULT_REPLY_TEXT });

    const sessions = await asMember(memberId, "GET", "/api/v1/cli/sessions");
    const sessionId = await sessionIdOf(tokens.access_token);
    const session = sessions.body.find((candidate: { id: string }) => candidate.id === sessionId);
    expect(session).toBeDefined();
    // Another member cannot see or revoke it; its owner can.
    expect((await asMember(otherMemberId, "GET", "/api/v1/cli/sessions")).body.map((entry: { id: string }) => entry.id)).not.toContain(session.id);
    expect((await asMember(otherMemberId, "DELETE", `/api/v1/cli/sessions/${session.id}`)).status).toBe(404);
    expect((await asMember(memberId, "DELETE", `/api/v1/cli/sessions/${session.id}`)).status).toBe(200);

    const refusal = await say(refreshed.body.access_token).catch((error) => error);
    expect(refusal.status).toBe(401);
    expect(refusal.message).toContain("revoked");
    const refused = await gateway.api("POST", "/api/v1/cli/token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token }, { token: null });
    expect(refused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect((await gateway.api("GET", "/api/v1/cli/sessions")).body.map((entry: { id: string }) => entry.id)).not.toContain(session.id);
  });

  it("let an admin list every member's sessions", async () => {
    const listed = await gateway.api("GET", "/api/v1/cli/sessions");
    expect(new Set(listed.body.map((entry: { memberId: string }) => entry.memberId))).toEqual(new Set([memberId, otherMemberId]));
    expect(JSON.stringify(listed.body)).not.toMatch(/gw[ar]_/);
  });

  it("never reach the upstream", () => {
    for (const token of issuedTokens) expectNoGatewayKeyInAny(upstream.requests, token, { moreThan: 1 });
  });
});

describe("GET /api/v1/cli/status", () => {
  it("shows the member, their spend against their limits and their routes", async () => {
    const tokens = await signInThroughDevice(memberId);
    await gateway.api("PATCH", `/api/v1/members/${memberId}`, { limits: { daily: 5 } });
    const answer = await gateway.api("GET", "/api/v1/cli/status", undefined, { token: tokens.access_token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ credential: "cli-session", member: { id: memberId, email: "dev@example.com", role: "member" }, limits: { daily: 5 } });
    expect(answer.body.spend.daily).toBeGreaterThan(0);
    expect(answer.body.routes).toContainEqual(expect.objectContaining({ slug: "claude", type: "anthropic" }));
    expect((await gateway.api("GET", "/api/v1/cli/status", undefined, { token: "gwa_forged.token" })).status).toBe(401);
  });
});
