import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;

/**
 * Browser: Debian's Chromium where present (Playwright cannot download its own build on an offline
 * machine); otherwise Playwright's own (`npx playwright install chromium` on a machine with internet).
 */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((p) => existsSync(p));
}

const executablePath = chromiumPath();

export default defineConfig({
  testDir: "e2e",
  // One shared server whose settings (denylist, demo clock) are global: specs run one at a time.
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "api",
      testMatch: "api/**/*.spec.ts",
      // API specs hold credentials explicitly, as a client with a copied cookie would. An explicit
      // (empty) Cookie header keeps Playwright's own cookie jar from adding any.
      use: { extraHTTPHeaders: { cookie: "" } },
    },
    {
      name: "chromium",
      testIgnore: "api/**",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `${BASE_URL}/api/settings`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT) },
  },
});
