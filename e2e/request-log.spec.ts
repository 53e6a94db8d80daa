// The request log against seeded data (npm run seed:usage into the e2e
// database): Overview → All requests; Load more through the cursor; filters by
// status, error code and streamed; a search by request id; the detail drawer of
// a refused request and of a failover with two attempts; the column chooser
// remembered across a reload; and a member who sees only their own requests.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { openTab, signUp, uniqueEmail } from "./helpers";

const run = promisify(execFile);
const MEMBER_PASSWORD = "member password 123";
const E2E_DATABASE = "file:./data/e2e/gateway-e2e.db";

interface LogItem {
  id: string;
  status: number;
  error: string | null;
  attempts: number;
  memberId: string | null;
  keyId: string | null;
}

async function seed(organization: string, rows: number): Promise<void> {
  await run("npx", ["tsx", "scripts/seed-usage.ts", "--rows", String(rows), "--days", "1", "--organization", organization, "--seed", "13"], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE },
    timeout: 60_000,
  });
}

async function allItems(page: Page, organization: string, query = ""): Promise<LogItem[]> {
  const response = await page.request.get(`/api/v1/usage?limit=500${query}`, { headers: { "x-gateway-organization": organization } });
  expect(response.status()).toBe(200);
  return (await response.json()).items;
}

const logTable = (page: Page) => page.getByRole("table", { name: "Requests" });
const logRows = (page: Page) => logTable(page).locator("tbody tr");

test("the request log: filters, search, drawer with attempts, columns, and a member's own view", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const organization = await signUp(page, "Rita Log", uniqueEmail("rita"));
  await page.getByRole("button", { name: "Manual setup" }).click();
  await expect(page.getByRole("navigation", { name: "Gateway sections" })).toBeVisible();

  // A project key and a member with a personal key: the seeded traffic is spread over both.
  const headers = { "x-gateway-organization": organization };
  const memberEmail = uniqueEmail("milo");
  const member = await (await page.request.post("/api/v1/members", { headers, data: { email: memberEmail, password: MEMBER_PASSWORD, role: "member" } })).json();
  expect((await page.request.post("/api/v1/keys", { headers, data: { name: "Backend", kind: "project", project: "default" } })).status()).toBe(201);
  expect((await page.request.post("/api/v1/keys", { headers, data: { name: "Milo laptop", kind: "personal", owner: member.id } })).status()).toBe(201);
  await seed(organization, 140);
  const items = await allItems(page, organization);
  expect(items).toHaveLength(140);

  // Overview → All requests.
  await page.reload();
  await openTab(page, "Overview");
  await page.getByRole("link", { name: "All requests" }).click();
  await expect(page).toHaveURL(new RegExp(`/${organization}/gateway/overview/requests\\?period=24h$`));
  await expect(page.getByRole("region", { name: "Request log" })).toBeVisible();
  await expect(logRows(page)).toHaveCount(50);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(logRows(page)).toHaveCount(100);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(logRows(page)).toHaveCount(140);
  await expect(page.getByText("That is every request that matches.")).toBeVisible();

  // Status 4xx: the refused requests only, each with its code.
  await page.getByLabel("Status").selectOption("4xx");
  const refusedCount = items.filter((item) => item.status >= 400 && item.status < 500).length;
  expect(refusedCount).toBeGreaterThan(0);
  await expect(logRows(page)).toHaveCount(refusedCount);
  await expect(page).toHaveURL(/status=4xx/);
  for (const text of await logRows(page).locator("td").nth(3).allInnerTexts()) expect(text).toMatch(/^4\d\d/);

  // Narrow to one error code, open a refused request: its code and message, no attempt.
  await page.getByLabel("Error code").fill("spending_limit_exceeded");
  await page.getByLabel("Error code").press("Enter");
  const limited = items.filter((item) => item.error === "spending_limit_exceeded");
  await expect(logRows(page)).toHaveCount(limited.length);
  await logRows(page).first().getByRole("button", { name: /^Open request/ }).click();
  const drawer = page.getByRole("dialog", { name: "Request details" });
  await expect(drawer).toContainText("429");
  await expect(drawer).toContainText("spending_limit_exceeded");
  await expect(drawer).toContainText("key daily limit of $5.00 reached");
  await expect(drawer).toContainText("Refused by the gateway before any provider was tried.");
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await page.getByRole("button", { name: "Clear 2 filters" }).click();
  await expect(logRows(page)).toHaveCount(50);

  // Streamed only: every row opened says so.
  await page.getByLabel("Streamed", { exact: true }).selectOption("true");
  await expect(page).toHaveURL(/streamed=true/);
  await logRows(page).first().getByRole("button", { name: /^Open request/ }).click();
  await expect(drawer.getByText("Streamed", { exact: true }).locator("xpath=..")).toContainText("Yes");
  await drawer.getByRole("button", { name: "Close" }).click();
  await page.getByLabel("Streamed", { exact: true }).selectOption("");

  // Search a failover by its request id: one row; the drawer lists both members and why the first failed.
  const failover = items.find((item) => item.attempts === 2)!;
  expect(failover).toBeDefined();
  await page.getByLabel("Request id or trace id").fill(failover.id);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(logRows(page)).toHaveCount(1);
  await logRows(page).first().click();
  await expect(drawer.getByRole("region", { name: "Attempts (2)" })).toBeVisible();
  const attempts = drawer.getByRole("list", { name: "Attempts" }).getByRole("listitem");
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(0)).toContainText("status 503");
  await expect(attempts.nth(0)).toContainText("Failed over: the provider answered 503");
  await expect(attempts.nth(1)).toContainText("Served the request");
  await expect(drawer.getByRole("table", { name: "Cost per token class" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`request=${failover.id}`));
  await page.screenshot({ path: "test-results/request-log-drawer.png" });
  // The open request is in the URL: a reload shows it again.
  await page.reload();
  await expect(drawer.getByRole("list", { name: "Attempts" }).getByRole("listitem")).toHaveCount(2);
  await page.keyboard.press("Escape");

  // Columns: show the request id; the choice survives a reload.
  await page.getByRole("button", { name: "Clear search" }).click();
  await page.getByRole("button", { name: /^Columns/ }).click();
  await page.getByRole("checkbox", { name: "Request id" }).check();
  await page.getByRole("checkbox", { name: "Member" }).check();
  await expect(logTable(page).getByRole("columnheader", { name: "Request id" })).toBeVisible();
  await page.reload();
  await expect(logTable(page).getByRole("columnheader", { name: "Request id" })).toBeVisible();
  await expect(logTable(page).getByRole("columnheader", { name: "Member" })).toBeVisible();

  // Admin's member filter: only Milo's requests.
  const milos = items.filter((item) => item.memberId === member.id);
  expect(milos.length).toBeGreaterThan(0);
  await page.getByLabel("Member").selectOption({ label: memberEmail });
  await expect(logRows(page)).toHaveCount(Math.min(50, milos.length));
  await page.screenshot({ path: "test-results/request-log.png", fullPage: true });

  // The member, in a browser of their own, sees only their own requests.
  const memberContext = await browser.newContext();
  try {
    const memberPage = await memberContext.newPage();
    await memberPage.goto("/sign-in");
    await memberPage.getByLabel("Email").fill(memberEmail);
    await memberPage.getByLabel("Password").fill(MEMBER_PASSWORD);
    await memberPage.getByRole("button", { name: "Sign in" }).click();
    await expect(memberPage).toHaveURL(new RegExp(`/${organization}/gateway/connect`));
    await openTab(memberPage, "API Keys");
    await memberPage.getByRole("link", { name: "Your requests" }).click();
    await expect(memberPage.getByText("The requests made with your personal keys")).toBeVisible();
    await memberPage.getByLabel("Period").selectOption("all");
    await expect(logRows(memberPage)).toHaveCount(Math.min(50, milos.length));
    for (const text of await logRows(memberPage).locator("td").nth(4).allInnerTexts()) expect(text).toBe("Milo laptop");
    await expect(memberPage.getByLabel("Member")).toHaveCount(0);
    // Someone else's request is not found, even by its id.
    const notTheirs = items.find((item) => item.memberId !== member.id)!;
    await memberPage.getByLabel("Request id or trace id").fill(notTheirs.id);
    await memberPage.getByRole("button", { name: "Search", exact: true }).click();
    await expect(memberPage.getByText("No request with this id")).toBeVisible();
    expect((await memberPage.request.get(`/api/v1/usage/${notTheirs.id}`, { headers })).status()).toBe(404);
  } finally {
    await memberContext.close();
  }
});
