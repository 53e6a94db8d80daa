// A member's view of the gateway: an admin adds them with a password in
// Settings; they sign in in a browser of their own, see only Connect, API Keys
// and Playground, create a personal key and reveal it, find it in Connect's
// snippets — and can neither open Providers nor call an admin API route, nor
// see the organization's project keys.
import { expect, test } from "@playwright/test";
import { uniqueEmail, signUp, tabBar, openTab } from "./helpers";

const MEMBER_PASSWORD = "member password 123";

test("a member signs in, sees only their tabs, creates and reveals a personal key, and is kept out of admin screens and API", async ({ page, browser }) => {
  test.setTimeout(150_000);

  // The admin: recommended setup (a route and a project key exist), then a member with a password.
  const organization = await signUp(page, "Alex Admin", uniqueEmail("alex"));
  await page.getByRole("button", { name: "Enable recommended setup" }).click();
  await expect(page.getByRole("heading", { name: "Your gateway is ready" })).toBeVisible();
  await page.getByRole("button", { name: "Go to the dashboard" }).click();
  await openTab(page, "Settings");

  const memberEmail = uniqueEmail("morgan");
  await page.getByRole("button", { name: "Invite member" }).click();
  const inviteDialog = page.getByRole("dialog", { name: "Invite member" });
  await inviteDialog.getByLabel("Email").fill(memberEmail);
  await inviteDialog.getByLabel("Password").fill(MEMBER_PASSWORD);
  await inviteDialog.getByRole("button", { name: "Add member" }).click();
  await expect(inviteDialog).toBeHidden();
  await expect(page.getByText(`${memberEmail} added`)).toBeVisible();
  await expect(page.getByRole("listitem", { name: memberEmail }).getByLabel(`Role of ${memberEmail}`)).toHaveValue("member");

  // The member, in a browser of their own.
  const memberContext = await browser.newContext();
  try {
    const member = await memberContext.newPage();
    await member.goto("/sign-in");
    await member.getByLabel("Email").fill(memberEmail);
    await member.getByLabel("Password").fill(MEMBER_PASSWORD);
    await member.getByRole("button", { name: "Sign in" }).click();
    await expect(member).toHaveURL(new RegExp(`/${organization}/gateway/connect`));

    // Only Connect, API Keys and Playground.
    await expect(tabBar(member).getByRole("link")).toHaveText(["Connect", "API Keys", "Playground"]);

    // Connect works for them: the organization's route, but no project key to pick.
    await expect(member.getByLabel("Provider or routing group")).toHaveValue("openai");
    await expect(member.getByText("No active key in this project yet.")).toBeVisible();

    // API Keys: only personal keys, none yet; create one.
    await openTab(member, "API Keys");
    await expect(member.getByRole("tab", { name: /Project keys/ })).toHaveCount(0);
    await expect(member.getByText("No personal keys yet")).toBeVisible();
    await member.getByRole("button", { name: "Create key" }).first().click();
    const createDialog = member.getByRole("dialog", { name: "Create key" });
    await createDialog.getByLabel("Name").fill("Morgan's laptop");
    // Members create personal keys only: no kind to choose, no owner.
    await expect(createDialog.getByText("Project key", { exact: true })).toHaveCount(0);
    await expect(createDialog.getByLabel("Owner")).toHaveCount(0);
    await createDialog.getByLabel("Daily limit").fill("2");
    await createDialog.getByRole("button", { name: "Create key" }).click();
    const shownDialog = member.getByRole("dialog", { name: "Your new key" });
    const secret = (await shownDialog.getByLabel("API key").innerText()).trim();
    expect(secret).toMatch(/^gw_/);
    await shownDialog.getByRole("button", { name: "Done" }).click();
    await expect(shownDialog).toBeHidden();

    const row = member.getByRole("list", { name: "Personal keys" }).getByRole("listitem").filter({ hasText: "Morgan's laptop" });
    await expect(row).toContainText("Active");
    await expect(row.getByRole("meter", { name: "Today: $0.00 of $2.00" })).toBeVisible();

    // Reveal it: the same secret (the reveal is the owner's right).
    await row.getByRole("button", { name: "Reveal" }).click();
    const revealDialog = member.getByRole("dialog", { name: "Reveal Morgan's laptop" });
    await expect(revealDialog.getByLabel("API key")).toHaveText(secret);
    await revealDialog.getByRole("button", { name: "Close" }).filter({ hasText: "Close" }).click();
    await expect(revealDialog).toBeHidden();
    await member.screenshot({ path: "test-results/member-keys.png", fullPage: true });

    // Connect now fills their key into the snippets.
    await openTab(member, "Connect");
    await expect(member.getByText("The snippets contain the full key “Morgan's laptop”")).toBeVisible();
    await expect(member.getByRole("tabpanel", { name: "curl" }).locator("pre")).toContainText(`Authorization: Bearer ${secret}`);

    // Providers is not theirs: the page sends them back to Connect, with no provider UI.
    await member.goto(`/${organization}/gateway/providers`);
    await expect(member).toHaveURL(new RegExp(`/${organization}/gateway/connect\\?notice=admins-only$`));
    await expect(member.getByRole("heading", { name: "Built-in providers" })).toHaveCount(0);
    await expect(member.getByRole("button", { name: "Add provider" })).toHaveCount(0);

    // Nor is the admin API.
    const headers = { "x-gateway-organization": organization };
    expect((await member.request.get("/api/v1/providers", { headers })).status()).toBe(403);
    expect((await member.request.post("/api/v1/balance/credits", { headers, data: { amountUsd: 100 } })).status()).toBe(403);
    // Their key list holds their own key only, not the organization's Quick Start project key.
    const keys = (await (await member.request.get("/api/v1/keys", { headers })).json()) as { name: string; kind: string }[];
    expect(keys.map((key) => [key.name, key.kind])).toEqual([["Morgan's laptop", "personal"]]);
  } finally {
    await memberContext.close();
  }

  // The admin sees the member's key among the personal keys, with its owner.
  await openTab(page, "API Keys");
  await page.getByRole("tab", { name: /Personal keys/ }).click();
  const adminRow = page.getByRole("list", { name: "Personal keys" }).getByRole("listitem").filter({ hasText: "Morgan's laptop" });
  await expect(adminRow).toContainText(memberEmail);
});
