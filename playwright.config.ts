import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunch } from "./e2e/fixtures/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;

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
      // The dev-server lessons run against `npm run dev` (playwright.dev.config.ts).
      testIgnore: ["api/**", "dev-server/**"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunch() },
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
