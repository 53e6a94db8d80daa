// A new admin's first request, end to end: sign up → recommended setup (the
// Quick Start key, shown once) → Open Connect → copy the curl snippet (real
// base URL, route, model and plaintext key) → run it in a shell against the
// gateway, whose built-in `openai` provider points at a local fake upstream
// (playwright.config.ts) → 402 insufficient_balance, because a new
// organization's prepaid balance is 0 → add credits on Spending → run it again
// → Connect's first-request indicator turns to success → the request shows in
// Overview and in Spending.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { uniqueEmail, signUp, openTab } from "./helpers";
import { BUILTIN_OPENAI_FAKE_PORT, BUILTIN_OPENAI_OPERATOR_KEY, PORT } from "../playwright.config";
import { startFakeOpenAI, type FakeServer } from "../test/fakes/openai-upstream";

const run = promisify(execFile);

/** A headline number card (Overview, Spending): the element holding its label, value and detail. */
function statCard(page: Page, label: string): Locator {
  return page.getByText(label, { exact: true }).locator("xpath=..");
}

/** Clicks the curl snippet's copy button and answers what landed on the clipboard (checked against the <pre>). */
async function copyCurlSnippet(page: Page): Promise<string> {
  const panel = page.getByRole("tabpanel", { name: "curl" });
  await expect(page.getByRole("tab", { name: "curl" })).toHaveAttribute("aria-selected", "true");
  const shown = await panel.locator("pre").innerText();
  await panel.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(panel.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.trim()).toBe(shown.trim());
  return copied;
}

/** Runs a snippet the way a user pasting it into a terminal would; answers curl's stdout (the response body). */
async function runInShell(snippet: string): Promise<unknown> {
  const { stdout } = await run("bash", ["-c", snippet], { timeout: 30_000 });
  return JSON.parse(stdout);
}

test.describe("first request journey", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  let upstream: FakeServer;
  // Connect also lists the route's models through the upstream (GET /v1/models); only completions count here.
  const completions = () => upstream.requests.filter((request) => request.path === "/v1/chat/completions");

  test.beforeAll(async () => {
    // The upstream only answers the operator's key: the gateway must swap the Quick Start key for it.
    upstream = await startFakeOpenAI({ apiKey: BUILTIN_OPENAI_OPERATOR_KEY, port: BUILTIN_OPENAI_FAKE_PORT });
  });

  test.afterAll(async () => {
    await upstream?.close();
  });

  test("recommended setup → Connect's curl snippet run in a shell → credits → success in Connect, Overview and Spending", async ({ page }) => {
    test.setTimeout(180_000);
    const organization = await signUp(page, "Fiona First", uniqueEmail("fiona"));

    // Recommended setup: the Quick Start key, in full this once.
    await page.getByRole("button", { name: "Enable recommended setup" }).click();
    await expect(page.getByRole("heading", { name: "Your gateway is ready" })).toBeVisible();
    await expect(page.getByText("Built-in providers activated: OpenAI.")).toBeVisible();
    const secret = await page.getByLabel("Quick Start key").inputValue();
    expect(secret).toMatch(/^gw_/);

    await page.getByRole("button", { name: "Open Connect" }).click();
    await expect(page).toHaveURL(/\/gateway\/connect\?key=[^&]+$/);

    // Connect preselects the built-in route, its default model and the Quick Start key, whose plaintext it knows.
    await expect(page.getByLabel("Provider or routing group")).toHaveValue("openai");
    await expect(page.getByLabel("Model")).toHaveValue("gpt-4o-mini");
    await expect(page.getByLabel("Key")).toHaveValue(new URL(page.url()).searchParams.get("key")!);
    await expect(page.getByText("The snippets contain the full key “Quick Start”")).toBeVisible();
    const indicator = page.getByRole("region", { name: "Send a request" }).getByRole("status");
    await expect(indicator).toContainText("Waiting for your first request…");

    const snippet = await copyCurlSnippet(page);
    expect(snippet).toContain(`http://localhost:${PORT}/proxy/openai/chat/completions`);
    expect(snippet).toContain(`Authorization: Bearer ${secret}`);
    expect(snippet).toContain('"model": "gpt-4o-mini"');

    // The organization has no prepaid balance yet: the built-in provider refuses, in OpenAI's error shape.
    const refused = (await runInShell(snippet)) as { error: { code: string; message: string } };
    expect(refused.error.code).toBe("insufficient_balance");
    expect(completions()).toHaveLength(0);
    // Refused requests are logged too: the indicator notices it and says what went wrong.
    await expect(indicator).toContainText("Request received, but it failed (402 insufficient_balance)", { timeout: 20_000 });

    // Add credits on the Spending tab.
    await openTab(page, "Spending");
    const balance = page.getByRole("region", { name: "Balance" });
    await expect(balance.getByText("$0.00", { exact: true })).toBeVisible();
    await balance.getByLabel("Amount (USD)").fill("10");
    await balance.getByLabel("Note").fill("First top-up");
    await balance.getByRole("button", { name: "Add credits" }).click();
    await expect(page.getByText("Added $10.00; the balance is now $10.00")).toBeVisible();
    await expect(balance.getByText("$10.00", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Ledger" })).toContainText("First top-up");

    // Back on Connect (the key is still known in this tab), the same snippet now goes through.
    await openTab(page, "Connect");
    await expect(page.getByText("The snippets contain the full key “Quick Start”")).toBeVisible();
    const again = await copyCurlSnippet(page);
    expect(again).toBe(snippet);
    const answer = (await runInShell(again)) as { model: string; choices: { message: { content: string } }[] };
    expect(answer.choices[0].message.content).toBe("Hello from the fake upstream!");
    expect(answer.model).toBe("gpt-4o-mini");
    // The upstream saw the operator's key, never the gateway key.
    expect(completions()).toHaveLength(1);
    expect(completions()[0].headers.authorization).toBe(`Bearer ${BUILTIN_OPENAI_OPERATOR_KEY}`);
    expect(JSON.stringify(completions()[0].headers)).not.toContain(secret);

    await expect(indicator).toContainText("First request received", { timeout: 20_000 });
    await expect(indicator).toContainText("gpt-4o-mini via openai · 30 tokens");
    await page.screenshot({ path: "test-results/first-request-connect.png", fullPage: true });

    // Overview: both requests, one of them an error, and the successful one in the recent requests.
    await openTab(page, "Overview");
    await expect(statCard(page, "Requests").locator("p").nth(1)).toHaveText("2");
    await expect(statCard(page, "Error rate")).toContainText("1 error");
    await expect(statCard(page, "Tokens")).toContainText("10 in · 20 out");
    const recent = page.getByRole("table", { name: "Recent requests" });
    await expect(recent.locator("tbody tr")).toHaveCount(2);
    const served = recent.locator("tbody tr").filter({ hasText: "200" });
    await expect(served).toContainText("gpt-4o-mini");
    await expect(served).toContainText("openai");
    // Cost: a few millionths of a dollar, shown as such rather than rounded to $0.00.
    await expect(served.locator("td").nth(5)).toHaveText(/^\$0\.0+[1-9]\d*$/);
    await expect(recent.locator("tbody tr").filter({ hasText: "402" })).toContainText("insufficient_balance");
    await page.screenshot({ path: "test-results/first-request-overview.png", fullPage: true });

    // Spending: a cost above zero, by provider and by model; the balance paid for it.
    // (Grouping by provider is a new query; the default by-model report seen before the request may still be
    // cached: the dashboard's queries stay fresh for 15 s and this tab does not poll.)
    await openTab(page, "Spending");
    const breakdown = page.getByRole("region", { name: "Breakdown" });
    await breakdown.getByRole("group", { name: "Group by" }).getByText("Provider", { exact: true }).click();
    const totalSpend = statCard(page, "Total spend").locator("p").nth(1);
    await expect(totalSpend).toHaveText(/^\$0\.0*[1-9]\d*$/);
    const byProvider = breakdown.getByRole("table", { name: "Spend by provider" });
    // The refused request never reached a provider: its row is "No provider", at $0.00.
    await expect(byProvider.locator("tbody tr")).toHaveCount(2);
    const openaiRow = byProvider.locator("tbody tr").filter({ hasText: "openai" });
    await expect(openaiRow).toContainText((await totalSpend.innerText()).trim());
    await expect(openaiRow).toContainText("100%");
    await expect(byProvider.locator("tbody tr").filter({ hasText: "No provider" })).toContainText("$0.00");
    // By model (both requests, one priced): after a reload, for the cached report above.
    await page.reload();
    await breakdown.getByRole("group", { name: "Group by" }).getByText("Model", { exact: true }).click();
    const byModel = breakdown.getByRole("table", { name: "Spend by model" });
    await expect(byModel.locator("tbody tr")).toHaveCount(1);
    const modelCells = byModel.locator("tbody tr").first().locator("td");
    await expect(modelCells.nth(0)).toHaveText("gpt-4o-mini");
    await expect(modelCells.nth(1)).toHaveText("2");
    await expect(modelCells.nth(2)).toHaveText(/^\$0\.0+[1-9]\d*$/);
    // The built-in provider's cost came out of the prepaid balance.
    const after = await (await page.request.get("/api/v1/balance", { headers: { "x-gateway-organization": organization } })).json();
    expect(after.balanceUsd).toBeLessThan(10);
    expect(after.balanceUsd).toBeGreaterThan(9.99);
    await page.screenshot({ path: "test-results/first-request-spending.png", fullPage: true });
  });
});
