// End-to-end journeys in real Chromium (Debian's, never a downloaded one)
// against `npm start` on port 3100 (E2E_PORT) with a database of its own.
import { defineConfig, devices } from "@playwright/test";

export const PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_DATA_DIRECTORY = "data/e2e";
/** The built-in `openai` provider's upstream: a fake the first-request journey starts on this fixed port. */
export const BUILTIN_OPENAI_FAKE_PORT = Number(process.env.E2E_FAKE_PORT ?? PORT + 99);
export const BUILTIN_OPENAI_OPERATOR_KEY = "sk-e2e-operator";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // `npm start` may build Next first (minutes on 2 cores); the tests themselves are quick.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // One server, one SQLite file: parallel journeys would only contend for it.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    // Playwright starts the web server before any globalSetup runs, so the
    // fresh database is made here: delete the previous run's, then start.
    command: `rm -rf ${E2E_DATA_DIRECTORY} && mkdir -p ${E2E_DATA_DIRECTORY} && npm start`,
    url: `http://localhost:${PORT}/sign-in`,
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:./${E2E_DATA_DIRECTORY}/gateway-e2e.db`,
      GATEWAY_DATA_DIR: E2E_DATA_DIRECTORY,
      NEXT_TELEMETRY_DISABLED: "1",
      // The operator's credentials for the built-in OpenAI provider, pointed at a local fake.
      GATEWAY_BUILTIN_OPENAI_API_KEY: BUILTIN_OPENAI_OPERATOR_KEY,
      GATEWAY_BUILTIN_OPENAI_BASE_URL: `http://127.0.0.1:${BUILTIN_OPENAI_FAKE_PORT}/v1`,
    },
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
