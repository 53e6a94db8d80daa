// What every journey does first: sign up a fresh user (who becomes admin of a
// new organization) and move between the gateway's tabs.
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery staple";

/** An email no earlier run used, so journeys never collide in the shared database. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** Fills and submits the sign-up form, without assuming it succeeds. */
export async function submitSignUp(page: Page, name: string, email: string): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign up" }).click();
}

/** Signs up a new admin of a new organization; answers the organization's slug. */
export async function signUp(page: Page, name: string, email: string): Promise<string> {
  await submitSignUp(page, name, email);
  await expect(page).toHaveURL(/\/[a-z0-9-]+\/gateway\/overview$/);
  return new URL(page.url()).pathname.split("/")[1];
}

export function tabBar(page: Page) {
  return page.getByRole("navigation", { name: "Gateway sections" });
}

/** Clicks a tab and waits until it is the current one. */
export async function openTab(page: Page, name: string): Promise<void> {
  const link = tabBar(page).getByRole("link", { name, exact: true });
  await link.click();
  await expect(link).toHaveAttribute("aria-current", "page");
}
