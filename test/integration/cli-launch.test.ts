// `gateway launch` with the real tools: Claude Code and Codex (dev
// dependencies, pinned) through the local proxy and the gateway to fake
// upstreams — exit 0, the fake's answer printed, usage rows for the member,
// no local token or gateway credential upstream — and opencode (a stand-in on
// PATH reading the temporary config), the tool's exit code, Ctrl-C.
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "../helpers/test-database";
import { flushUsage, type TestGateway } from "../helpers/gateway";
import { runCli, spawnCli } from "../helpers/cli-process";
import { ANTHROPIC_KEY as UPSTREAM_KEY, ANTHROPIC_MODEL as MODEL, OPENAI_KEY, cliEnv, newHome, startCliScenario, type CliScenario } from "../helpers/cli-scenario";
import { DEFAULT_REPLY_TEXT, type FakeServer } from "../fakes/fake-server";

useTestDatabase();

let signedInUserId: string | null = null;
vi.mock("@/lib/auth/session", () => ({ getSessionUserId: async () => signedInUserId }));

let scenario: CliScenario;
let gateway: TestGateway;
let upstream: FakeServer;
let openai: FakeServer;
let memberId: string;

beforeAll(async () => {
  scenario = await startCliScenario((userId) => (signedInUserId = userId));
  ({ gateway, memberId, anthropic: upstream, openai } = scenario);
});

afterAll(() => scenario?.close());

const loginByDevice = () => scenario.loginByDevice();

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
    scenario.running.push(launch);
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
    scenario.running.push(launch);
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

/** PATH with an executable `name` running `script` first. */
function pathWithStandIn(name: string, script: string): string {
  const bin = newHome();
  writeFileSync(path.join(bin, name), script);
  chmodSync(path.join(bin, name), 0o755);
  return `${bin}${path.delimiter}${process.env.PATH}`;
}

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
    const env = { ...cliEnv(home), PATH: pathWithStandIn("opencode", FAKE_OPENCODE) };
    const launch = spawnCli(["launch", "opencode", "--model", MODEL, "--port", "0", "--", "say", "hi"], env);
    scenario.running.push(launch);
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

const SLEEPING_TOOL = `#!/usr/bin/env node
process.on("SIGINT", () => process.stdout.write("tool got SIGINT\\n", () => process.exit(130)));
console.log("tool started");
setInterval(() => {}, 1000);
`;

describe("Ctrl-C during gateway launch", () => {
  it("stops the tool and the local proxy, and exits with the tool's code", async () => {
    const home = await loginByDevice();
    const launch = spawnCli(["launch", "opencode", "--port", "0"], { ...cliEnv(home), PATH: pathWithStandIn("opencode", SLEEPING_TOOL) });
    scenario.running.push(launch);
    const [, origin] = await launch.waitFor(/opencode → (http:\/\/127\.0\.0\.1:\d+)/);
    await launch.waitFor(/tool started/);
    launch.child.kill("SIGINT");
    expect(await launch.exited).toBe(130);
    expect(launch.output()).toContain("tool got SIGINT");
    await expect(fetch(`${origin}/_gateway/status`)).rejects.toThrow();
  });
});
