// What the dashboard walk-through broke, fixed, in the browser: /favicon.ico;
// an organization name at sign-up and its rename in Settings, with projects
// created and renamed; a key created with the keyboard alone (focus moves into
// "Your new key", Escape closes) with a $0.0005 daily limit kept as such; a
// routing group mixing wire formats refused by the form; "Try model" for an
// OpenAI-type provider; a member sent away from an admin page is told why;
// and no serious accessibility violation on the request log and Connect.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { startFakeOpenAI, type FakeServer } from "../test/fakes/openai-upstream";
import { openTab, PASSWORD, uniqueEmail } from "./helpers";

const UPSTREAM_KEY = "sk-walk-through";

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("walk-through fixes", () => {
  let upstream: FakeServer;
  test.beforeAll(async () => {
    upstream = await startFakeOpenAI({ apiKey: UPSTREAM_KEY });
  });
  test.afterAll(async () => {
    await upstream?.close();
  });

  test("favicon, organization and projects, keyboard key creation, limits, routing formats, test connection, admin-only notice, axe", async ({ page, browser }) => {
    test.setTimeout(150_000);
    expect((await page.request.get("/favicon.ico")).status()).toBe(200);

    // Sign-up with an organization name of its own.
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Wanda Walk");
    await page.getByLabel("Email").fill(uniqueEmail("wanda"));
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Organization").fill("Walkers Inc");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page).toHaveURL(/\/walkers-inc[a-z0-9-]*\/gateway\/overview$/);
    const organization = new URL(page.url()).pathname.split("/")[1];
    await expect(page.getByRole("main").getByText("Walkers Inc", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Manual setup" }).click();

    // Settings: rename the organization, create a project and rename it.
    await openTab(page, "Settings");
    await page.getByLabel("Organization name").fill("Walkers & Co");
    await page.getByRole("button", { name: "Rename organization" }).click();
    await expect(page.getByText("The organization is now “Walkers & Co”")).toBeVisible();
    await expect(page.getByRole("main").getByText("Walkers & Co", { exact: true })).toBeVisible();
    await page.getByLabel("New project").fill("Support bot");
    await page.getByRole("button", { name: "Create project" }).click();
    const projects = page.getByRole("list", { name: "Projects" });
    await expect(projects.getByRole("listitem", { name: "Support bot" })).toContainText("support-bot");
    await projects.getByRole("button", { name: "Rename Support bot" }).click();
    const renameDialog = page.getByRole("dialog", { name: "Rename Support bot" });
    await renameDialog.getByLabel("Name").fill("Helpdesk");
    await renameDialog.getByRole("button", { name: "Save" }).click();
    await expect(projects.getByRole("listitem", { name: "Helpdesk" })).toContainText("support-bot");

    // A key with the keyboard alone, with a $0.0005 daily limit.
    await openTab(page, "API Keys");
    await page.getByRole("button", { name: "Create key" }).first().focus();
    await page.keyboard.press("Enter");
    const createDialog = page.getByRole("dialog", { name: "Create key" });
    await expect(createDialog).toBeVisible();
    await createDialog.getByLabel("Name").focus();
    await page.keyboard.type("Tiny budget");
    await createDialog.getByLabel("Daily limit").focus();
    await page.keyboard.type("0.0005");
    await page.keyboard.press("Enter");
    const shown = page.getByRole("dialog", { name: "Your new key" });
    await expect(shown).toBeVisible();
    // Focus moved into the new dialog (its copy button), not back to the page.
    await expect(shown.getByRole("button", { name: "Copy", exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(shown).toBeHidden();
    const row = page.getByRole("list", { name: "Project keys" }).getByRole("listitem").filter({ hasText: "Tiny budget" });
    await expect(row.getByRole("meter", { name: "Today: $0.00 of $0.0005" })).toBeVisible();

    // Providers: an OpenAI-type provider's "Try model" reaches the upstream; an Anthropic one for the routing check.
    const headers = { "x-gateway-organization": organization };
    expect((await page.request.post("/api/v1/providers", { headers, data: { slug: "gpt", name: "GPT", type: "openai", baseUrl: upstream.url, apiKey: UPSTREAM_KEY } })).status()).toBe(201);
    expect((await page.request.post("/api/v1/providers", { headers, data: { slug: "claude", name: "Claude", type: "anthropic", apiKey: "sk-ant-x" } })).status()).toBe(201);
    await openTab(page, "Providers");
    await page.getByRole("listitem", { name: "GPT" }).getByRole("button", { name: "Test connection" }).click();
    const testDialog = page.getByRole("dialog", { name: "Test connection · GPT" });
    await expect(testDialog.getByRole("status")).toContainText("Connected: the provider listed");
    await testDialog.getByLabel("Model to try").fill("gpt-4o-mini");
    await testDialog.getByRole("button", { name: "Try model" }).click();
    await expect(testDialog.getByRole("status")).toContainText("answered a one-token request to gpt-4o-mini");
    expect(upstream.requests.at(-1)).toMatchObject({ method: "POST", path: "/v1/chat/completions" });
    await testDialog.getByRole("button", { name: "Done" }).click();

    // Routing: a group mixing OpenAI and Anthropic members is refused by the form.
    await openTab(page, "Routing");
    await page.getByRole("button", { name: "Create group" }).first().click();
    const groupDialog = page.getByRole("dialog", { name: "Create group" });
    await groupDialog.getByLabel("Slug").fill("mixed");
    await groupDialog.getByLabel("Provider of member 1").selectOption("gpt");
    await groupDialog.getByRole("button", { name: "Add member" }).click();
    await groupDialog.getByLabel("Provider of member 2").selectOption("claude");
    await groupDialog.getByRole("button", { name: "Create group" }).click();
    await expect(groupDialog).toContainText("gpt (OpenAI-compatible API) and claude (Anthropic Messages API) differ");
    await groupDialog.getByRole("button", { name: "Cancel" }).click();

    // Accessibility of the new screens.
    await page.goto(`/${organization}/gateway/overview/requests`);
    await expect(page.getByRole("region", { name: "Request log" })).toBeVisible();
    await expectNoSeriousViolations(page);
    await openTab(page, "Connect");
    await expect(page.getByRole("region", { name: "Coding agents" })).toBeVisible();
    await expectNoSeriousViolations(page);

    // A member who opens an admin page is told why they landed on Connect.
    const memberEmail = uniqueEmail("walt");
    expect((await page.request.post("/api/v1/members", { headers, data: { email: memberEmail, password: PASSWORD, role: "member" } })).status()).toBe(201);
    const memberContext = await browser.newContext();
    try {
      const member = await memberContext.newPage();
      await member.goto("/sign-in");
      await member.getByLabel("Email").fill(memberEmail);
      await member.getByLabel("Password").fill(PASSWORD);
      await member.getByRole("button", { name: "Sign in" }).click();
      await expect(member).toHaveURL(new RegExp(`/${organization}/gateway/connect`));
      await member.goto(`/${organization}/gateway/providers`);
      await expect(member).toHaveURL(new RegExp(`/${organization}/gateway/connect\\?notice=admins-only$`));
      await expect(member.getByRole("alert").filter({ hasText: "That page is for admins only" })).toBeVisible();
    } finally {
      await memberContext.close();
    }
  });
});
