// A screenshot of every Gateway tab with real data behind it: an admin after
// recommended setup, two BYOK providers on a fake upstream, a routing group, a
// few keys, a member with limits, credits, and a dozen requests (one failed).
// Each tab must render its content, not an error, before it is captured under
// test-results/tabs/<tab>.png; Overview also in dark mode.
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, uniqueEmail, signUp, openTab } from "./helpers";
import { startFakeOpenAI, type FakeServer } from "../test/fakes/openai-upstream";

const UPSTREAM_KEY = "sk-fake-upstream-key-for-screenshots";

/** Waits until nothing is loading and the charts have finished animating (their SVG stops changing). */
async function settle(page: Page) {
  const main = page.locator("main");
  await expect(main.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(main.locator(".animate-pulse")).toHaveCount(0);
  let previous = "";
  await expect
    .poll(
      async () => {
        const current = await main.evaluate((element) => Array.from(element.querySelectorAll("svg.recharts-surface"), (svg) => svg.outerHTML).join("\n"));
        const stable = current === previous;
        previous = current;
        return stable;
      },
      { intervals: [250], timeout: 15_000 },
    )
    .toBe(true);
}

/** Asserts the tab shows no error state, then saves its full-page screenshot. */
async function capture(page: Page, file: string) {
  await settle(page);
  // Error states are danger-toned alerts (query-states' ErrorState, charts' ErrorBlock); warnings and notes are fine.
  await expect(page.locator('main [role="alert"].bg-danger-surface')).toHaveCount(0);
  await expect(page.getByText(/Application error|Internal Server Error|This page could not be found/)).toHaveCount(0);
  await page.screenshot({ path: `test-results/tabs/${file}.png`, fullPage: true });
}

test.describe("tab screenshots", () => {
  let upstream: FakeServer;

  test.beforeAll(async () => {
    upstream = await startFakeOpenAI({ apiKey: UPSTREAM_KEY });
  });

  test.afterAll(async () => {
    await upstream?.close();
  });

  test("every tab with real usage, in light mode, and Overview in dark mode", async ({ page }) => {
    test.setTimeout(180_000);
    const organization = await signUp(page, "Tess Screens", uniqueEmail("tess"));
    const headers = { "x-gateway-organization": organization };
    await page.getByRole("button", { name: "Enable recommended setup" }).click();
    await expect(page.getByRole("heading", { name: "Your gateway is ready" })).toBeVisible();
    const secret = await page.getByLabel("Quick Start key").inputValue();
    await page.getByRole("button", { name: "Go to the dashboard" }).click();
    await expect(page.getByRole("navigation", { name: "Gateway sections" })).toBeVisible();

    // Configuration through the management API (each screen has its own journey).
    for (const [slug, name] of [
      ["fake-openai", "Fake OpenAI"],
      ["backup-openai", "Backup OpenAI"],
    ]) {
      const created = await page.request.post("/api/v1/providers", {
        headers,
        data: {
          slug,
          name,
          type: "openai-compatible",
          baseUrl: upstream.url,
          apiKey: UPSTREAM_KEY,
          prices: [
            { model: "gpt-4o-mini", inputPerMillion: 0.15, outputPerMillion: 0.6 },
            { model: "gpt-4.1", inputPerMillion: 2, outputPerMillion: 8 },
          ],
        },
      });
      expect(created.status(), slug).toBe(201);
    }
    const group = await page.request.post("/api/v1/routing-groups", {
      headers,
      data: {
        slug: "fast",
        members: [
          { provider: "fake-openai", priority: 1, weight: 3 },
          { provider: "backup-openai", priority: 1, weight: 1 },
        ],
      },
    });
    expect(group.status()).toBe(201);
    const billingKey = await page.request.post("/api/v1/keys", {
      headers,
      data: { name: "Billing service", project: "default", kind: "project", limits: { daily: 5, monthly: 100 } },
    });
    expect(billingKey.status()).toBe(201);
    const billingSecret = ((await billingKey.json()) as { secret: string }).secret;
    const member = await page.request.post("/api/v1/members", { headers, data: { email: uniqueEmail("mia"), name: "Mia Member", role: "member", password: PASSWORD } });
    expect(member.status()).toBe(201);
    const memberId = ((await member.json()) as { id: string }).id;
    expect((await page.request.patch(`/api/v1/members/${memberId}`, { headers, data: { limits: { daily: 10, monthly: 200 } } })).status()).toBe(200);
    expect((await page.request.post("/api/v1/balance/credits", { headers, data: { amountUsd: 25, note: "Initial credits" } })).status()).toBe(201);

    // Usage: a dozen requests over both keys, both providers, the group and two models; one upstream failure.
    const send = async (key: string, route: string, model: string, usage: { inputTokens: number; outputTokens: number }) => {
      upstream.setBehaviour({ usage });
      const answer = await page.request.post(`/proxy/${route}/chat/completions`, {
        headers: { authorization: `Bearer ${key}` },
        data: { model, messages: [{ role: "user", content: "Hello" }], max_tokens: 2000 },
      });
      expect(answer.status(), `${route} ${model}`).toBe(200);
    };
    for (let index = 0; index < 4; index++) await send(secret, "fake-openai", "gpt-4o-mini", { inputTokens: 1200 + index * 300, outputTokens: 400 + index * 100 });
    for (let index = 0; index < 3; index++) await send(secret, "fast", "gpt-4.1", { inputTokens: 2500 + index * 500, outputTokens: 900 });
    for (let index = 0; index < 3; index++) await send(billingSecret, "backup-openai", "gpt-4.1", { inputTokens: 5000, outputTokens: 1500 + index * 200 });
    upstream.setBehaviour({ status: 400, statusCount: 1, errorMessage: "Invalid 'messages': empty content." });
    const failed = await page.request.post("/proxy/fake-openai/chat/completions", {
      headers: { authorization: `Bearer ${secret}` },
      data: { model: "gpt-4o-mini", messages: [{ role: "user", content: "" }] },
    });
    expect(failed.status()).toBe(400);
    upstream.setBehaviour({});

    // Overview (reloaded: it was open, empty, while the requests were sent; it refreshes itself only every 30 s).
    await openTab(page, "Overview");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Overview", level: 2 })).toBeVisible();
    await expect(page.getByText("Requests", { exact: true }).locator("xpath=..").locator("p").nth(1)).toHaveText("11");
    await expect(page.getByRole("table", { name: "Recent requests" }).locator("tbody tr")).toHaveCount(11);
    await expect(page.locator("main svg.recharts-surface").first()).toBeVisible();
    await capture(page, "overview");

    // Connect.
    await openTab(page, "Connect");
    await expect(page.getByRole("heading", { name: "Connect an application" })).toBeVisible();
    await expect(page.getByRole("tabpanel", { name: "curl" }).locator("pre")).toContainText(`Bearer ${secret}`);
    await capture(page, "connect");

    // API Keys.
    await openTab(page, "API Keys");
    await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
    const projectKeys = page.getByRole("list", { name: "Project keys" }).getByRole("listitem");
    await expect(projectKeys).toHaveCount(2);
    await expect(projectKeys.filter({ hasText: "Billing service" }).getByRole("meter", { name: /^Today: \$0\.\d+ of \$5\.00$/ })).toBeVisible();
    await capture(page, "api-keys");

    // Providers.
    await openTab(page, "Providers");
    await expect(page.getByRole("heading", { name: "Built-in providers" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your providers" })).toBeVisible();
    await expect(page.getByRole("listitem", { name: "Fake OpenAI" })).toContainText("2 custom prices");
    await expect(page.getByRole("listitem", { name: "Backup OpenAI" })).toBeVisible();
    await capture(page, "providers");

    // Routing.
    await openTab(page, "Routing");
    await expect(page.getByRole("heading", { name: "Routing groups" })).toBeVisible();
    const card = page.getByRole("article", { name: "Routing group fast" });
    await expect(card.getByRole("meter", { name: "fake-openai: share of first attempts" })).toHaveAttribute("aria-valuetext", "75%");
    await capture(page, "routing");

    // Spending.
    await openTab(page, "Spending");
    await expect(page.getByRole("heading", { name: "Spending", level: 2 })).toBeVisible();
    await expect(page.getByRole("table", { name: "Spend by model" }).locator("tbody tr")).toHaveCount(2);
    await expect(page.getByRole("region", { name: "Balance" }).getByText("$25.00", { exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Ledger" })).toContainText("Initial credits");
    await capture(page, "spending");

    // Settings.
    await openTab(page, "Settings");
    await expect(page.getByRole("switch", { name: "Gateway enabled" })).toHaveAttribute("aria-checked", "true");
    await expect(page.getByRole("listitem", { name: /^mia-/ })).toBeVisible();
    await expect(page.locator("#audit-log").getByText("provider.create", { exact: true }).first()).toBeVisible();
    await capture(page, "settings");

    // Playground, after one streamed turn through the fake upstream.
    await openTab(page, "Playground");
    await expect(page.getByRole("heading", { name: "Playground" })).toBeVisible();
    await page.getByLabel("Message").fill("Say hello");
    await page.getByLabel("Message").press("Enter");
    const conversation = page.getByRole("list", { name: "Conversation" });
    await expect(conversation).toContainText("Hello from the fake upstream!");
    await expect(conversation.getByLabel("Turn details")).toContainText("in ·");
    await expect(conversation.getByLabel("Turn details")).not.toContainText("cost…");
    await capture(page, "playground");

    // Overview in dark mode.
    // (A full load: the tab's cached queries would still hold the requests from before the playground turn.)
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`/${organization}/gateway/overview`);
    await expect(page.getByRole("table", { name: "Recent requests" }).locator("tbody tr")).toHaveCount(12);
    expect(await page.evaluate(() => window.matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
    await capture(page, "overview-dark");
  });
});
