// The `gateway` CLI as a user runs it (a separate process through its bin)
// against a running gateway: login by device flow and by --token, status,
// serve (local token, forwarding, spend line, refresh with a short TTL, port
// in use, revocation mid-session), an unreachable gateway, and `launch
// claude` running the real Claude Code CLI against a fake Anthropic upstream.
import { createServer } from "node:net";
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import Anthropic from "@anthropic-ai/sdk";
import { useTestDatabase } from "../helpers/test-database";
import { flushUsage, startTestGateway, type TestGateway } from "../helpers/gateway";
import { addProviders } from "../helpers/provider-scenario";
import { runCli, spawnCli, type CliRun } from "../helpers/cli-process";
import { startFakeAnthropic } from "../fakes/anthropic-upstream";
import { startFakeOpenAI } from "../fakes/openai-upstream";
import { DEFAULT_REPLY_TEXT, type FakeServer } from "../fakes/fake-server";

useTestDatabase();
// Short enough that `serve` refreshes within seconds (120 s before expiry); polling every second.
process.env.GATEWAY_CLI_ACCESS_TOKEN_TTL_SECONDS = "123";
process.env.GATEWAY_CLI_POLL_INTERVAL_SECONDS = "1";

let signedInUserId: string | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => signedInUserId }));

const UPSTREAM_KEY = "sk-ant-upstream-secret";
const MODEL = "claude-haiku-4-5";
const OPENAI_KEY = "sk-openai-upstream-secret";

let gateway: TestGateway;
let upstream: FakeServer;
let openai: FakeServer;
let memberId: string;
const running: CliRun[] = [];

beforeAll(async () => {
  upstream = await startFakeAnthropic({ apiKey: UPSTREAM_KEY });
  openai = await startFakeOpenAI({ apiKey: OPENAI_KEY });
  gateway = await startTestGateway({ serveApi: true });
  expect((await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" })).status).toBe(200);
  await addProviders(gateway, [
    { slug: "claude", type: "anthropic", baseUrl: upstream.url, apiKey: UPSTREAM_KEY, prices: [{ model: MODEL, inputPerMillion: 1, outputPerMillion: 5 }] },
    { slug: "gpt", type: "openai", baseUrl: openai.url, apiKey: OPENAI_KEY, prices: [{ model: "gpt-4.1", inputPerMillion: 2, outputPerMillion: 8 }] },
  ]);
  memberId = (await gateway.api("POST", "/api/v1/members", { email: "dev@example.com", password: "long-enough-1", role: "member" })).body.id;
});

afterAll(async () => {
  for (const run of running) run.child.kill("SIGTERM");
  await upstream?.close();
  await openai?.close();
  await gateway?.close();
});

function newHome(): string {
  return mkdtempSync(path.join(tmpdir(), "gateway-cli-"));
}

const cliEnv = (home: string, extra: Record<string, string | undefined> = {}) => ({ GATEWAY_CLI_HOME: home, GATEWAY_URL: undefined, ...extra });

async function approveAs(membershipId: string, userCode: string) {
  const { db } = await import("@/lib/db");
  signedInUserId = (await db.membership.findUniqueOrThrow({ where: { id: membershipId } })).userId;
  try {
    return await gateway.api("POST", "/api/v1/cli/device/approve", { user_code: userCode }, { token: null });
  } finally {
    signedInUserId = null;
  }
}

/** `gateway login` by device flow, approved by the member: answers the CLI home it signed in. */
async function loginByDevice(): Promise<string> {
  const home = newHome();
  const login = spawnCli(["login", "--gateway-url", gateway.origin], cliEnv(home));
  const [, userCode] = await login.waitFor(/confirm the code: ([B-Z]{4}-[B-Z]{4})/);
  expect((await approveAs(memberId, userCode)).status).toBe(200);
  expect(await login.exited, login.output()).toBe(0);
  expect(login.output()).toContain(`Signed in to ${gateway.origin} as dev@example.com`);
  return home;
}

async function startServe(home: string, args: string[] = []) {
  const serve = spawnCli(["serve", ...args], cliEnv(home));
  running.push(serve);
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

describe("gateway launch claude", () => {
  it("runs the real Claude Code CLI through the local proxy and the gateway", async () => {
    const home = await loginByDevice();
    const before = upstream.requests.length;
    const claudeHome = newHome();
    writeFileSync(path.join(claudeHome, ".keep"), "");
    const launch = spawnCli(["launch", "claude", "--model", MODEL, "--port", "0", "--", "-p", "say hi"], {
      ...cliEnv(home),
      HOME: claudeHome,
      DISABLE_TELEMETRY: "1",
      DISABLE_AUTOUPDATER: "1",
      DISABLE_ERROR_REPORTING: "1",
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
      ANTHROPIC_API_KEY: undefined,
      ANTHROPIC_BASE_URL: undefined,
      ANTHROPIC_AUTH_TOKEN: undefined,
    });
    running.push(launch);
    const code = await launch.exited;
    expect(code, launch.output()).toBe(0);
    expect(launch.output()).toContain(DEFAULT_REPLY_TEXT);

    const fromClaude = upstream.requests.slice(before);
    expect(fromClaude.some((request) => request.path === "/v1/messages")).toBe(true);
    const credentials = JSON.parse(readFileSync(path.join(home, "credentials.json"), "utf8"));
    for (const request of fromClaude) {
      const seen = JSON.stringify(request.headers) + request.search;
      expect(seen).not.toMatch(/gw[arl]_/);
      expect(seen).not.toContain(credentials.refreshToken);
      expect(seen).not.toContain(process.env.GATEWAY_SECRET!);
      expect(request.headers["x-api-key"]).toBe(UPSTREAM_KEY);
    }
    await flushUsage();
    const usage = await gateway.api("GET", "/api/v1/usage?limit=50");
    const mine = usage.body.items.filter((item: { memberId: string; route: string }) => item.memberId === memberId && item.route === "claude");
    expect(mine.length).toBeGreaterThanOrEqual(fromClaude.filter((request) => request.path === "/v1/messages").length);
  });
});

describe("gateway launch codex", () => {
  it("runs the real Codex CLI against the member's OpenAI route through the local proxy", async () => {
    const home = await loginByDevice();
    const codexHome = newHome();
    const before = openai.requests.length;
    const launch = spawnCli(
      ["launch", "codex", "--model", "gpt-4.1", "--port", "0", "--", "-c", "check_for_update_on_startup=false", "exec", "--skip-git-repo-check", "say hi"],
      { ...cliEnv(home), HOME: codexHome, CODEX_HOME: codexHome, OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined },
    );
    running.push(launch);
    expect(await launch.exited, launch.output()).toBe(0);
    expect(launch.output()).toContain(DEFAULT_REPLY_TEXT);
    const fromCodex = openai.requests.slice(before);
    expect(fromCodex.some((request) => request.path === "/v1/responses")).toBe(true);
    for (const request of fromCodex) {
      expect(JSON.stringify(request.headers)).not.toMatch(/gw[arl]_/);
      expect(request.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
    }
  });
});

// opencode is not a dependency: a stand-in on PATH reads the config `launch` wrote, calls the
// provider it names the way @ai-sdk/anthropic would, prints the answer and exits with code 7.
const FAKE_OPENCODE = `#!/usr/bin/env node
const fs = require("node:fs");
const config = JSON.parse(fs.readFileSync(process.env.OPENCODE_CONFIG, "utf8"));
const provider = config.provider.gateway;
fetch(provider.options.baseURL + "/messages", {
  method: "POST",
  headers: { "x-api-key": provider.options.apiKey, "anthropic-version": "2023-06-01", "content-type": "application/json" },
  body: JSON.stringify({ model: config.model.split("/")[1], max_tokens: 20, messages: [{ role: "user", content: process.argv.slice(2).join(" ") }] }),
}).then((response) => response.json()).then((message) => {
  console.log(provider.npm, config.model, message.content[0].text);
  process.exit(7);
});
`;

describe("gateway launch opencode, and launch without a tool", () => {
  it("writes opencode a temporary config for the member's Anthropic route, and returns the tool's exit code", async () => {
    const home = await loginByDevice();
    const bin = newHome();
    writeFileSync(path.join(bin, "opencode"), FAKE_OPENCODE);
    chmodSync(path.join(bin, "opencode"), 0o755);
    const env = { ...cliEnv(home), PATH: `${bin}${path.delimiter}${process.env.PATH}` };
    const launch = spawnCli(["launch", "opencode", "--model", MODEL, "--port", "0", "--", "say", "hi"], env);
    running.push(launch);
    expect(await launch.exited, launch.output()).toBe(7);
    expect(launch.output()).toContain(`@ai-sdk/anthropic gateway/${MODEL} ${DEFAULT_REPLY_TEXT}`);

    const bare = await runCli(["launch"], env);
    expect(bare.code).toBe(2);
    expect(bare.output).toContain("installed: claude, codex, opencode");
    const unknownRoute = await runCli(["launch", "claude", "--route", "nope"], env);
    expect(unknownRoute.code).toBe(2);
    expect(unknownRoute.output).toContain("No route 'nope'");
  });
});
