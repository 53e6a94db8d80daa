// The first minutes of a new user: sign up, land on the Gateway page, turn the
// gateway on, see every tab; then sign out and back in.
import { expect, test } from "@playwright/test";
import { PASSWORD, uniqueEmail, submitSignUp } from "./helpers";

const TAB_NAMES = ["Overview", "Connect", "API Keys", "Providers", "Routing", "Spending", "Settings", "Playground"];

test("a new user signs up, chooses manual setup and sees every gateway tab", async ({ page }) => {
  await submitSignUp(page, "Erin Example", uniqueEmail("erin"));

  await expect(page).toHaveURL(/\/[a-z0-9-]+\/gateway\/overview$/);
  await expect(page.getByRole("heading", { name: "Gateway", level: 1 })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Organization" })).toHaveValue(/erin-example/);
  await expect(page.getByRole("button", { name: "Enable recommended setup" })).toBeVisible();
  const manualSetup = page.getByRole("button", { name: "Manual setup" });
  await expect(manualSetup).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Gateway sections" })).toHaveCount(0);

  await manualSetup.click();

  const tabBar = page.getByRole("navigation", { name: "Gateway sections" });
  for (const name of TAB_NAMES) {
    await expect(tabBar.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(tabBar.getByRole("link", { name: "Overview", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("button", { name: "Manual setup" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/foundation-gateway-enabled.png", fullPage: true });

  // The choice is stored, not just shown: a reload keeps the tabs.
  await page.reload();
  await expect(tabBar.getByRole("link", { name: "Playground", exact: true })).toBeVisible();
});

test("a wrong password is refused with a clear message; the right one signs in; sign out ends the session", async ({ page }) => {
  const email = uniqueEmail("sam");
  await submitSignUp(page, "Sam Sample", email);
  await expect(page).toHaveURL(/\/gateway\/overview$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/gateway\/overview$/);
  await expect(page.getByText(email)).toBeVisible();
});

test("signing up again with a taken email says so", async ({ page }) => {
  const email = uniqueEmail("taken");
  await submitSignUp(page, "First Person", email);
  await expect(page).toHaveURL(/\/gateway\/overview$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await submitSignUp(page, "Second Person", email);
  await expect(page.locator("form").getByRole("alert")).toContainText("An account with this email already exists");
});
