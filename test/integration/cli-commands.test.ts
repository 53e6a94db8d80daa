// The `gateway` CLI as a user runs it (a separate process through its bin)
// against a running gateway: login by device flow and by --token, status and
// its spend line, logout, an unreachable gateway, and serve (local token,
// forwarding, refresh with a short TTL, the session's requests, revocation
// mid-session, port in use).
import { createServer } from "node:net";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import Anthropic from "@anthropic-ai/sdk";
import { useTestDatabase } from "../helpers/test-database";
import { flushUsage, type TestGateway } from "../helpers/gateway";
import { runCli, spawnCli } from "../helpers/cli-process";
import { ANTHROPIC_MODEL as MODEL, cliEnv, newHome, startCliScenario, type CliScenario } from "../helpers/cli-scenario";
import { DEFAULT_REPLY_TEXT, type FakeServer } from "../fakes/fake-server";

useTestDatabase();

let signedInUserId: string | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => signedInUserId }));

let scenario: CliScenario;
let gateway: TestGateway;
let upstream: FakeServer;
let memberId: string;

beforeAll(async () => {
  scenario = await startCliScenario((userId) => (signedInUserId = userId));
  ({ gateway, memberId, anthropic: upstream } = scenario);
});

afterAll(() => scenario?.close());

const loginByDevice = () => scenario.loginByDevice();

async function startServe(home: string, args: string[] = []) {
  const serve = spawnCli(["serve", ...args], cliEnv(home));
  scenario.running.push(serve);
  const [, origin] = await serve.waitFor(/Listening on (http:\/\/127\.0\.0\.1:\d+)/);
  const [, localToken] = await serve.waitFor(/Local token: (\S+)/);
  return { serve, origin, localToken };
}

const ask = (origin: string, token: string) =>
  new Anthropic({ baseURL: `${origin}/proxy/claude`, apiKey: token, maxRetries: 0 }).messages.create({ model: MODEL, max_tokens: 20, messages: [{ role: "user", content: "hi" }] });

async function localStatus(origin: string, token: string) {
  const answer = await fetch(`${origin}/_gateway/status`, { headers: { authorization: `Bearer ${token}` } });
  expect(answer.status).toBe(200);
  return answer.json();
}

async function revokeSessionsOf(membershipId: string) {
  const sessions = await gateway.api("GET", "/api/v1/cli/sessions");
  for (const session of sessions.body.filter((entry: { memberId: string }) => entry.memberId === membershipId)) {
    expect((await gateway.api("DELETE", `/api/v1/cli/sessions/${session.id}`)).status).toBe(200);
  }
}

describe("gateway login, status, logout", () => {
  it("prints help, and refuses an unknown command with exit code 2", async () => {
    const help = await runCli(["--help"], cliEnv(newHome()));
    expect(help.code).toBe(0);
    expect(help.output).toContain("gateway launch claude|codex|opencode");
    expect((await runCli(["frobnicate"], cliEnv(newHome()))).code).toBe(2);
  });

  it("signs in by device flow, keeps the credentials owner-only, and shows the spend line", async () => {
    const home = await loginByDevice();
    const file = path.join(home, "credentials.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ kind: "session", gatewayUrl: gateway.origin, refreshToken: expect.stringMatching(/^gwr_/) });

    await gateway.api("PATCH", `/api/v1/members/${memberId}`, { limits: { daily: 5 } });
    const status = await runCli(["status"], cliEnv(home));
    expect(status.code, status.output).toBe(0);
    expect(status.output).toContain("dev@example.com (member)");
    expect(status.output).toMatch(/today\s+\$\d+\.\d+ of \$5\.00 daily limit/);
    expect(status.output).toContain("claude (anthropic)");

    expect((await runCli(["logout"], cliEnv(home))).code).toBe(0);
    const after = await runCli(["status"], cliEnv(home));
    expect(after.code).not.toBe(0);
    expect(after.output).toContain("Not signed in");
  });

  it("signs in with --token and a personal key, and refuses a wrong one", async () => {
    const { db } = await import("@/lib/db");
    const membership = await db.membership.findUniqueOrThrow({ where: { id: memberId } });
    signedInUserId = membership.userId;
    const key = await gateway.api("POST", "/api/v1/keys", { name: "ci", kind: "personal" }, { token: null });
    signedInUserId = null;
    expect(key.status).toBe(201);
    const home = newHome();
    const login = await runCli(["login", "--token", key.body.secret, "--gateway-url", gateway.origin], cliEnv(home));
    expect(login.code, login.output).toBe(0);
    expect(login.output).toContain("as dev@example.com");
    expect((await runCli(["status"], cliEnv(home))).output).toContain("with a personal key");
    const wrong = await runCli(["login", "--token", "gw_not-a-key", "--gateway-url", gateway.origin], cliEnv(newHome()));
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toContain("refused these credentials");
  });

  it("says clearly when the gateway cannot be reached, and exits non-zero", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const login = await runCli(["login", "--gateway-url", `http://127.0.0.1:${port}`], cliEnv(newHome()));
    expect(login.code).not.toBe(0);
    expect(login.output).toContain(`Cannot reach the gateway at http://127.0.0.1:${port}`);
    expect(login.output).not.toContain("    at ");
  });
});

describe("gateway serve", () => {
  it("forwards with the access token, keeps it fresh, shows the session's requests, and ends with a clear 401 once revoked", async () => {
    const home = await loginByDevice();
    await gateway.api("PATCH", `/api/v1/members/${memberId}`, { limits: { daily: 5 } });
    const { origin, localToken } = await startServe(home, ["--port", "0"]);
    expect(await ask(origin, "not-the-local-token").catch((error) => error.status)).toBe(401);
    const message = await ask(origin, localToken);
    expect(message.content[0]).toMatchObject({ type: "text", text: DEFAULT_REPLY_TEXT });
    // With a 123 s token the refresh (120 s before expiry) is due after 3 s.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const status = await localStatus(origin, localToken);
    expect(status).toMatchObject({ member: { email: "dev@example.com" }, limits: { daily: 5 }, session: { requests: 1 } });
    expect(status.session.accessTokenRefreshes).toBeGreaterThanOrEqual(1);
    expect((await ask(origin, localToken)).content[0]).toMatchObject({ text: DEFAULT_REPLY_TEXT });

    await flushUsage();
    const usage = await gateway.api("GET", "/api/v1/usage?limit=10");
    expect(usage.body.items.filter((item: { memberId: string }) => item.memberId === memberId).length).toBeGreaterThanOrEqual(2);

    await revokeSessionsOf(memberId);
    const refused = await ask(origin, localToken).catch((error) => error);
    expect(refused.status).toBe(401);
    expect(refused.message).toMatch(/revoked.*gateway login/);
    for (const request of upstream.requests) {
      expect(JSON.stringify(request.headers)).not.toContain(localToken);
      expect(JSON.stringify(request.headers)).not.toMatch(/gw[arl]_/);
    }
  });

  it("refuses a --port that is in use, with exit code 2", async () => {
    const home = await loginByDevice();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const taken = await runCli(["serve", "--port", String(port)], cliEnv(home));
      expect(taken.code).toBe(2);
      expect(taken.output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
