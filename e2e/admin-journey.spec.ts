// An admin's journeys through the screens that configure the gateway:
// recommended setup; a BYOK provider against a fake upstream (tested from the
// dashboard), a routing group with its first-attempt preview, a key that
// sends a real request through that group; then Settings — telemetry with a
// test span, management tokens, members and roles, the audit log.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { PASSWORD, uniqueEmail, signUp, openTab } from "./helpers";
import { startFakeOpenAI, type FakeServer } from "../test/fakes/openai-upstream";

const UPSTREAM_KEY = "sk-fake-upstream-key-for-e2e";

test("recommended setup shows the Quick Start key once and opens Connect with it", async ({ page }) => {
  await signUp(page, "Riley Recommended", uniqueEmail("riley"));
  await page.getByRole("button", { name: "Enable recommended setup" }).click();

  await expect(page.getByRole("heading", { name: "Your gateway is ready" })).toBeVisible();
  const secret = await page.getByLabel("Quick Start key").inputValue();
  expect(secret).toMatch(/^gw_/);
  await page.screenshot({ path: "test-results/admin-setup-result.png", fullPage: true });

  await page.getByRole("button", { name: "Open Connect" }).click();
  await expect(page).toHaveURL(/\/gateway\/connect\?key=[^&]+$/);
  const keyId = new URL(page.url()).searchParams.get("key")!;
  // Connect fills snippets with the plaintext of a key created in this browser session.
  expect(await page.evaluate((id) => sessionStorage.getItem(`gateway:key-secret:${id}`), keyId)).toBe(secret);
  await expect(page.getByRole("navigation", { name: "Gateway sections" })).toBeVisible();
});

test.describe("an admin configures providers, routing and settings", () => {
  let upstream: FakeServer;
  let collector: Server;
  let collectorUrl: string;
  const exports: { path: string; authorization: string | undefined }[] = [];

  test.beforeAll(async () => {
    upstream = await startFakeOpenAI({ apiKey: UPSTREAM_KEY });
    collector = createServer((request, response) => {
      exports.push({ path: request.url ?? "", authorization: request.headers.authorization });
      request.resume();
      request.on("end", () => response.writeHead(200, { "content-type": "application/x-protobuf" }).end());
    });
    await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
    collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await upstream?.close();
    await new Promise((resolve) => collector?.close(resolve));
  });

  test("providers, routing and a request through the group", async ({ page }) => {
    test.setTimeout(120_000);
    const organization = await signUp(page, "Ada Admin", uniqueEmail("ada"));
    await page.getByRole("button", { name: "Manual setup" }).click();
    await openTab(page, "Providers");

    // Add two BYOK providers pointing at the fake upstream.
    for (const [slug, name] of [
      ["fake-openai", "Fake OpenAI"],
      ["backup-openai", "Backup OpenAI"],
    ]) {
      await page.getByRole("button", { name: "Add provider" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Add provider" });
      await expect(dialog.getByLabel("Type")).toBeFocused();
      await dialog.getByLabel("Type").selectOption("openai-compatible");
      await dialog.getByLabel("Slug").fill(slug);
      await dialog.getByLabel("Name", { exact: true }).fill(name);
      await dialog.getByLabel("Base URL").fill(upstream.url);
      await dialog.getByLabel("API key").fill(UPSTREAM_KEY);
      await dialog.getByRole("button", { name: "Add price" }).click();
      await dialog.getByLabel("Model (price 1)").fill("gpt-4o-mini");
      await dialog.getByLabel("Input $/M (price 1)").fill("0.15");
      await dialog.getByLabel("Output $/M (price 1)").fill("0.6");
      await dialog.getByRole("button", { name: "Add provider" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(`Provider ${name} added`)).toBeVisible();
      await expect(page.getByRole("listitem", { name })).toContainText("1 custom price");
    }

    // Test connection lists the fake upstream's models.
    const fakeRow = page.getByRole("listitem", { name: "Fake OpenAI" });
    await fakeRow.getByRole("button", { name: "Test connection" }).click();
    const testDialog = page.getByRole("dialog", { name: "Test connection · Fake OpenAI" });
    await expect(testDialog.getByText(/Connected: the provider listed 3 models/)).toBeVisible();
    await expect(testDialog.getByRole("list", { name: "Models" })).toContainText("gpt-4o-mini");
    await testDialog.getByRole("button", { name: "Done" }).click();
    await expect(testDialog).toBeHidden();

    // Editing never shows the credentials back; Escape closes the dialog.
    await fakeRow.getByRole("button", { name: "Edit Fake OpenAI" }).click();
    const editDialog = page.getByRole("dialog", { name: "Edit Fake OpenAI" });
    await expect(editDialog.getByLabel("API key")).toHaveValue("");
    await expect(editDialog.getByLabel("API key")).toHaveAttribute("placeholder", "unchanged");
    await expect(editDialog.getByLabel("Base URL")).toHaveValue(upstream.url);
    await page.keyboard.press("Escape");
    await expect(editDialog).toBeHidden();
    await page.screenshot({ path: "test-results/admin-providers.png", fullPage: true });

    // A routing group over both, previewing a 75/25 split of first attempts.
    await openTab(page, "Routing");
    await page.getByRole("button", { name: "Create group" }).click();
    const groupDialog = page.getByRole("dialog", { name: "Create group" });
    await groupDialog.getByLabel("Slug").fill("fast");
    await groupDialog.getByLabel("Name", { exact: true }).fill("Fast lane");
    await groupDialog.getByLabel("Provider of member 1").selectOption("fake-openai");
    await groupDialog.getByLabel("Weight of member 1").fill("3");
    await groupDialog.getByRole("button", { name: "Add member" }).click();
    await groupDialog.getByLabel("Provider of member 2").selectOption("backup-openai");
    await expect(groupDialog.getByRole("meter", { name: "fake-openai: share of first attempts" })).toHaveAttribute("aria-valuetext", "75%");
    await expect(groupDialog.getByRole("meter", { name: "backup-openai: share of first attempts" })).toHaveAttribute("aria-valuetext", "25%");
    // A lower priority gets no first attempts.
    await groupDialog.getByLabel("Priority of member 2").fill("-1");
    await expect(groupDialog.getByRole("meter", { name: "fake-openai: share of first attempts" })).toHaveAttribute("aria-valuetext", "100%");
    await expect(groupDialog.getByRole("meter", { name: "backup-openai: share of first attempts" })).toHaveAttribute("aria-valuetext", "0%");
    await groupDialog.getByRole("button", { name: "Create group" }).click();
    await expect(groupDialog).toBeHidden();
    await expect(page.getByText("Routing group fast created")).toBeVisible();
    const card = page.getByRole("article", { name: "Routing group fast" });
    await expect(card).toContainText("Fast lane");
    await expect(card.getByRole("meter", { name: "fake-openai: share of first attempts" })).toHaveAttribute("aria-valuetext", "100%");
    await page.screenshot({ path: "test-results/admin-routing.png", fullPage: true });

    // The key part of the journey goes through the API here (the API Keys tab has its own journey).
    const created = await page.request.post("/api/v1/keys", {
      headers: { "x-gateway-organization": organization },
      data: { name: "Routing test", kind: "project", limits: { daily: 5 } },
    });
    expect(created.status()).toBe(201);
    const key = await created.json();

    const answer = await page.request.post("/proxy/fast/chat/completions", {
      headers: { authorization: `Bearer ${key.secret}` },
      data: { model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello" }] },
    });
    expect(answer.status()).toBe(200);
    expect(answer.headers()["x-gateway-provider"]).toBe("fake-openai");
    expect((await answer.json()).choices[0].message.content).toBe("Hello from the fake upstream!");
    expect(upstream.requests.at(-1)!.headers.authorization).toBe(`Bearer ${UPSTREAM_KEY}`);

    // Removing a provider takes it out of the group.
    await openTab(page, "Providers");
    await page.getByRole("listitem", { name: "Backup OpenAI" }).getByRole("button", { name: "Remove Backup OpenAI" }).click();
    await page.getByRole("dialog", { name: "Remove Backup OpenAI?" }).getByRole("button", { name: "Remove provider" }).click();
    await expect(page.getByRole("listitem", { name: "Backup OpenAI" })).toHaveCount(0);
    await openTab(page, "Routing");
    await expect(page.getByRole("article", { name: "Routing group fast" })).toContainText("1 member");

    await page.getByRole("button", { name: "Delete fast" }).click();
    await page.getByRole("dialog", { name: "Delete fast?" }).getByRole("button", { name: "Delete group" }).click();
    await expect(page.getByText("No routing groups yet")).toBeVisible();
  });

  test("settings: gateway switch, telemetry, management tokens, members and the audit log", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const organization = await signUp(page, "Sol Settings", uniqueEmail("sol"));
    await page.getByRole("button", { name: "Manual setup" }).click();
    await openTab(page, "Settings");

    // The gateway switch; the page shell's banner follows it.
    const gatewaySwitch = page.getByRole("switch", { name: "Gateway enabled" });
    await expect(gatewaySwitch).toHaveAttribute("aria-checked", "true");
    // Turning it off stops all traffic: it asks first, and Cancel leaves it on.
    await gatewaySwitch.click();
    const confirm = page.getByRole("dialog", { name: "Turn the gateway off?" });
    await expect(confirm).toContainText("Every request through the gateway will be refused");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(gatewaySwitch).toHaveAttribute("aria-checked", "true");
    await gatewaySwitch.click();
    await confirm.getByRole("button", { name: "Turn off" }).click();
    await expect(page.getByText("The gateway is turned off")).toBeVisible();
    await gatewaySwitch.click();
    await expect(page.getByText("The gateway is turned off")).toHaveCount(0);
    await expect(gatewaySwitch).toHaveAttribute("aria-checked", "true");

    // Telemetry: saved headers are write-only; the test span reaches the collector with them.
    await page.getByRole("switch", { name: "Export traces" }).click();
    await page.getByLabel("OTLP endpoint").fill(collectorUrl);
    await page.getByLabel("Headers").fill("Authorization=Bearer e2e-write-token");
    await page.getByRole("switch", { name: "Capture content" }).click();
    await page.getByRole("button", { name: "Save telemetry" }).click();
    await expect(page.getByText("Telemetry settings saved")).toBeVisible();
    await expect(page.getByLabel("Headers")).toHaveValue("");
    await page.getByRole("button", { name: "Send test span" }).click();
    await expect(page.getByText("Test span sent: the collector accepted it.")).toBeVisible();
    expect(exports.at(-1)).toEqual({ path: "/v1/traces", authorization: "Bearer e2e-write-token" });
    const gateway = await (await page.request.get("/api/v1/gateway", { headers: { "x-gateway-organization": organization } })).json();
    expect(gateway.telemetry).toMatchObject({ enabled: true, otlpEndpoint: collectorUrl, captureContent: true });
    expect(JSON.stringify(gateway)).not.toContain("e2e-write-token");

    // Management tokens: shown once, then revoked.
    await page.getByRole("button", { name: "Create token" }).click();
    const tokenDialog = page.getByRole("dialog", { name: "Create management token" });
    await tokenDialog.getByLabel("Name").fill("ci");
    await tokenDialog.getByRole("button", { name: "Create token" }).click();
    const token = await tokenDialog.getByLabel("Management token").inputValue();
    expect(token).toMatch(/^gwm_/);
    expect((await page.request.get("/api/v1/providers", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
    await tokenDialog.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Revoke ci" }).click();
    await page.getByRole("dialog", { name: "Revoke ci?" }).getByRole("button", { name: "Revoke token" }).click();
    await expect(page.locator("#management-tokens").getByText("Revoked")).toBeVisible();
    expect((await page.request.get("/api/v1/providers", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);

    // Members: add one with a password, make them admin and back, invite another by link.
    const memberEmail = uniqueEmail("milo");
    await page.getByRole("button", { name: "Invite member" }).click();
    let inviteDialog = page.getByRole("dialog", { name: "Invite member" });
    await inviteDialog.getByLabel("Email").fill(memberEmail);
    await inviteDialog.getByLabel("Password").fill(PASSWORD);
    await inviteDialog.getByRole("button", { name: "Add member" }).click();
    await expect(inviteDialog).toBeHidden();
    const memberRow = page.getByRole("listitem", { name: memberEmail });
    await expect(memberRow).toBeVisible();
    await memberRow.getByLabel(`Role of ${memberEmail}`).selectOption("admin");
    await expect(page.getByText(`${memberEmail} is now an admin`)).toBeVisible();
    await memberRow.getByLabel(`Role of ${memberEmail}`).selectOption("member");
    await expect(page.getByText(`${memberEmail} is now a member`)).toBeVisible();

    const invitedEmail = uniqueEmail("ivy");
    await page.getByRole("button", { name: "Invite member" }).click();
    inviteDialog = page.getByRole("dialog", { name: "Invite member" });
    await inviteDialog.getByLabel("Email").fill(invitedEmail);
    await inviteDialog.getByRole("button", { name: "Create invitation" }).click();
    await expect(inviteDialog.getByLabel("Invitation link")).toHaveValue(/\/sign-up\?invitation=/);
    await inviteDialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("listitem", { name: invitedEmail })).toContainText("Invited");

    // The member can neither open these screens nor call their API.
    const memberContext = await browser.newContext();
    const memberPage = await memberContext.newPage();
    await memberPage.goto("/sign-in");
    await memberPage.getByLabel("Email").fill(memberEmail);
    await memberPage.getByLabel("Password").fill(PASSWORD);
    await memberPage.getByRole("button", { name: "Sign in" }).click();
    await expect(memberPage).toHaveURL(/\/gateway\/(connect|overview)/);
    for (const tab of ["providers", "routing", "settings"]) {
      await memberPage.goto(`/${organization}/gateway/${tab}`);
      await expect(memberPage).toHaveURL(new RegExp(`/${organization}/gateway/connect\\?notice=admins-only$`));
    }
    for (const path of ["providers", "routing-groups", "management-tokens", "audit-log"]) {
      const response = await memberPage.request.get(`/api/v1/${path}`, { headers: { "x-gateway-organization": organization } });
      expect(response.status(), path).toBe(403);
    }
    expect((await memberPage.request.post("/api/v1/providers/openai/test", { headers: { "x-gateway-organization": organization }, data: {} })).status()).toBe(403);
    await memberContext.close();

    await memberRow.getByRole("button", { name: `Remove ${memberEmail}` }).click();
    await page.getByRole("dialog", { name: `Remove ${memberEmail}?` }).getByRole("button", { name: "Remove member" }).click();
    await expect(page.getByRole("listitem", { name: memberEmail })).toHaveCount(0);

    // The audit log recorded all of it.
    const audit = page.locator("#audit-log");
    for (const action of ["gateway.setup", "gateway.update", "management_token.create", "management_token.revoke", "member.create", "member.update", "member.invite", "member.remove"]) {
      await expect(audit.getByText(action, { exact: true }).first()).toBeVisible();
    }
    await page.screenshot({ path: "test-results/admin-settings.png", fullPage: true });
  });
});
