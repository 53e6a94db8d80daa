// What the CLI test files share: a gateway answering its API over HTTP (the
// CLI runs in another process) with an Anthropic route `claude` and an OpenAI
// route `gpt` on fake upstreams, one member, and `gateway login` by device
// flow approved as that member. Call useTestDatabase() first; the file mocks
// the dashboard session and passes `signIn` to set who is signed in.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { startFakeAnthropic } from "../fakes/anthropic-upstream";
import { startFakeOpenAI } from "../fakes/openai-upstream";
import type { FakeServer } from "../fakes/fake-server";
import { spawnCli, type CliRun } from "./cli-process";
import { startTestGateway, type TestGateway } from "./gateway";
import { addProviders } from "./provider-scenario";

export const ANTHROPIC_KEY = "sk-ant-upstream-secret";
export const OPENAI_KEY = "sk-openai-upstream-secret";
export const ANTHROPIC_MODEL = "claude-haiku-4-5";
export const OPENAI_MODEL = "gpt-4.1";

export interface CliScenario {
  gateway: TestGateway;
  anthropic: FakeServer;
  openai: FakeServer;
  memberId: string;
  /** CLI processes to stop at the end. */
  running: CliRun[];
  /** `gateway login` by device flow, approved by the member: answers the CLI home it signed in. */
  loginByDevice(): Promise<string>;
  close(): Promise<void>;
}

export function newHome(): string {
  return mkdtempSync(path.join(tmpdir(), "gateway-cli-"));
}

export const cliEnv = (home: string, extra: Record<string, string | undefined> = {}) => ({ GATEWAY_CLI_HOME: home, GATEWAY_URL: undefined, ...extra });

export async function startCliScenario(signIn: (userId: string | null) => void): Promise<CliScenario> {
  // Short enough that `serve` refreshes within seconds (120 s before expiry); polling every second.
  process.env.GATEWAY_CLI_ACCESS_TOKEN_TTL_SECONDS = "123";
  process.env.GATEWAY_CLI_POLL_INTERVAL_SECONDS = "1";
  const anthropic = await startFakeAnthropic({ apiKey: ANTHROPIC_KEY });
  const openai = await startFakeOpenAI({ apiKey: OPENAI_KEY });
  const gateway = await startTestGateway({ serveApi: true });
  expect((await gateway.api("POST", "/api/v1/gateway/setup", { mode: "manual" })).status).toBe(200);
  await addProviders(gateway, [
    { slug: "claude", type: "anthropic", baseUrl: anthropic.url, apiKey: ANTHROPIC_KEY, prices: [{ model: ANTHROPIC_MODEL, inputPerMillion: 1, outputPerMillion: 5 }] },
    { slug: "gpt", type: "openai", baseUrl: openai.url, apiKey: OPENAI_KEY, prices: [{ model: OPENAI_MODEL, inputPerMillion: 2, outputPerMillion: 8 }] },
  ]);
  const member = await gateway.api("POST", "/api/v1/members", { email: "dev@example.com", password: "long-enough-1", role: "member" });
  const memberId: string = member.body.id;
  const running: CliRun[] = [];

  async function approve(userCode: string) {
    const { db } = await import("@/lib/db");
    signIn((await db.membership.findUniqueOrThrow({ where: { id: memberId } })).userId);
    try {
      return await gateway.api("POST", "/api/v1/cli/device/approve", { user_code: userCode }, { token: null });
    } finally {
      signIn(null);
    }
  }

  return {
    gateway,
    anthropic,
    openai,
    memberId,
    running,
    async loginByDevice() {
      const home = newHome();
      const login = spawnCli(["login", "--gateway-url", gateway.origin], cliEnv(home));
      const [, userCode] = await login.waitFor(/confirm the code: ([B-Z]{4}-[B-Z]{4})/);
      expect((await approve(userCode)).status).toBe(200);
      expect(await login.exited, login.output()).toBe(0);
      expect(login.output()).toContain(`Signed in to ${gateway.origin} as dev@example.com`);
      return home;
    },
    async close() {
      for (const run of running) run.child.kill("SIGTERM");
      await anthropic.close();
      await openai.close();
      await gateway.close();
    },
  };
}
