// Connect for coding agents, after recommended setup: the setup result says
// the balance is $0 and where to add credits; "Get your credential" downloads
// gateway.env with the route's base URL and the key; the agent prompt names
// the file but never holds the key; Codex CLI and gateway CLI setups for the
// OpenAI route. Then the first-request indicator: a refused request says what
// to do, and once requests succeed it keeps showing the key's FIRST one.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { BUILTIN_OPENAI_FAKE_PORT, BUILTIN_OPENAI_OPERATOR_KEY, PORT } from "../playwright.config";
import { startFakeOpenAI, type FakeServer } from "../test/fakes/openai-upstream";
import { signUp, uniqueEmail } from "./helpers";

test.describe("Connect for coding agents", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });
  let upstream: FakeServer;
  test.beforeAll(async () => {
    upstream = await startFakeOpenAI({ apiKey: BUILTIN_OPENAI_OPERATOR_KEY, port: BUILTIN_OPENAI_FAKE_PORT });
  });
  test.afterAll(async () => {
    await upstream?.close();
  });

  test("credential file, agent prompt, Codex and gateway CLI setups, and the key's first request", async ({ page }) => {
    test.setTimeout(150_000);
    const organization = await signUp(page, "Ada Agent", uniqueEmail("ada"));
    await page.getByRole("button", { name: "Enable recommended setup" }).click();
    await expect(page.getByRole("heading", { name: "Your gateway is ready" })).toBeVisible();
    // The wizard does not promise a request it cannot serve: the balance is $0, and it says where to fix that.
    await expect(page.getByText("which is $0.00: requests through them are refused (402) until it has credits")).toBeVisible();
    await expect(page.getByRole("link", { name: "Add credits on Spending" })).toHaveAttribute("href", `/${organization}/gateway/spending`);
    const secret = await page.getByLabel("Quick Start key").inputValue();
    await page.getByRole("button", { name: "Open Connect" }).click();

    const agents = page.getByRole("region", { name: "Coding agents" });
    const downloadPromise = page.waitForEvent("download");
    await agents.getByRole("button", { name: "Get your credential" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("gateway.env");
    const file = await readFile(await download.path(), "utf8");
    expect(file).toContain(`GATEWAY_BASE_URL='http://localhost:${PORT}/proxy/openai'`);
    expect(file).toContain(`GATEWAY_API_KEY='${secret}'`);
    expect(file).toContain("GATEWAY_MODEL='gpt-4o-mini'");

    await agents.getByRole("button", { name: "Copy the prompt for your AI coding agent" }).click();
    const prompt = await page.evaluate(() => navigator.clipboard.readText());
    expect(prompt).toContain("gateway.env");
    expect(prompt).toContain("Never copy the key");
    expect(prompt).not.toContain(secret);

    // The built-in OpenAI route serves the Responses API: Codex applies (Claude Code needs an Anthropic route).
    await expect(agents.getByRole("tab")).toHaveText(["Codex CLI", "gateway CLI"]);
    const codex = agents.getByRole("tabpanel", { name: "Codex CLI" }).locator("pre");
    await expect(codex).toContainText(`base_url = "http://localhost:${PORT}/proxy/openai"`);
    await expect(codex).toContainText('wire_api = "responses"');
    await expect(codex).toContainText(`export GATEWAY_API_KEY='${secret}'`);
    await agents.getByRole("tab", { name: "gateway CLI" }).click();
    await expect(agents.getByRole("tabpanel", { name: "gateway CLI" }).locator("pre")).toContainText("gateway launch codex --route 'openai' --model 'gpt-4o-mini'");

    // A request with no credits: the indicator names the failure and the way out.
    const indicator = page.getByRole("region", { name: "Send a request" }).getByRole("status");
    const call = (model: string) =>
      fetch(`http://localhost:${PORT}/proxy/openai/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify({ model, messages: [{ role: "user", content: "Hi" }] }),
      });
    expect((await call("gpt-4o-mini")).status).toBe(402);
    await expect(indicator).toContainText("Request received, but it failed (402 insufficient_balance)", { timeout: 20_000 });
    const sendPanel = page.getByRole("region", { name: "Send a request" });
    await expect(sendPanel.getByText("The organization's prepaid balance is too low for built-in providers.")).toBeVisible();
    await expect(sendPanel.getByRole("link", { name: "Add credits on Spending" })).toBeVisible();

    // Credits, then two requests with different models: the indicator shows the first one, not the latest.
    expect((await page.request.post("/api/v1/balance/credits", { headers: { "x-gateway-organization": organization }, data: { amountUsd: 5 } })).status()).toBe(201);
    expect((await call("gpt-4o-mini")).status).toBe(200);
    await expect(indicator).toContainText("First request received", { timeout: 20_000 });
    await expect(indicator).toContainText("gpt-4o-mini via openai");
    expect((await call("gpt-4.1")).status).toBe(200);
    await page.reload();
    await expect(indicator).toContainText("First request received", { timeout: 20_000 });
    await expect(indicator).toContainText("gpt-4o-mini via openai");
    await expect(indicator).not.toContainText("gpt-4.1");
    // Its link opens that request in the log.
    await indicator.getByRole("link", { name: "Details in the request log" }).click();
    await expect(page.getByRole("dialog", { name: "Request details" })).toContainText("gpt-4o-mini");
  });
});
