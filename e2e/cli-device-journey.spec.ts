// Signing the `gateway` CLI in from a browser: `gateway login` (the real
// command, in a shell) prints a code and a link; the signed-in admin follows
// the link to /device, sees which CLI asks, approves; the CLI finishes and
// `gateway status` works. The session then shows in Settings › CLI sessions,
// where revoking it makes `gateway status` fail.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openTab, signUp, uniqueEmail } from "./helpers";

const BIN = path.resolve(import.meta.dirname, "../cli/gateway.mjs");

function runGateway(args: string[], home: string) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, GATEWAY_CLI_HOME: home, GATEWAY_URL: undefined }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number>((resolve) => child.once("close", (code) => resolve(code ?? 1)));
  return { output: () => output, exited };
}

test("a CLI signs in through /device, shows up in Settings, and is revoked there", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signUp(page, "Casey Cli", uniqueEmail("casey"));
  await page.getByRole("button", { name: "Enable recommended setup" }).click();
  await expect(page.getByRole("heading", { name: "Your gateway is ready" })).toBeVisible();

  const home = mkdtempSync(path.join(tmpdir(), "gateway-e2e-cli-"));
  const login = runGateway(["login", "--gateway-url", baseURL!], home);
  await expect.poll(() => /open (http\S+)/.exec(login.output())?.[1], { timeout: 30_000 }).toBeTruthy();
  const link = /open (http\S+)/.exec(login.output())![1];
  const userCode = /confirm the code: (\S+)/.exec(login.output())![1];
  expect(link).toBe(`${baseURL}/device?user_code=${userCode}`);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Sign in a CLI" })).toBeVisible();
  await expect(page.getByLabel("Code")).toHaveValue(userCode);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(/gateway CLI on .* asks to use the gateway/)).toBeVisible();
  await expect(page.getByText(userCode, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status")).toContainText("You can return to your terminal");

  expect(await login.exited, login.output()).toBe(0);
  expect(login.output()).toMatch(/Signed in to .* as casey-/);
  const status = runGateway(["status"], home);
  expect(await status.exited, status.output()).toBe(0);
  expect(status.output()).toContain("today");

  // The member's own sessions are listed on /device too.
  await expect(page.getByRole("region", { name: "CLI sessions" }).getByRole("cell", { name: /^gateway CLI on/ })).toBeVisible();

  await page.goto("/");
  await openTab(page, "Settings");
  const sessions = page.getByRole("region", { name: "CLI sessions" });
  await expect(sessions.getByRole("cell", { name: /^gateway CLI on/ })).toBeVisible();
  await sessions.getByRole("button", { name: /^Revoke gateway CLI on/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke session" }).click();
  await expect(sessions.getByText("No CLI sessions")).toBeVisible();

  // The stored access token dies with the session, and so does the next refresh.
  const after = runGateway(["status"], home);
  expect(await after.exited).not.toBe(0);
  expect(after.output()).toMatch(/revoked|refused/);
});
