import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunch } from "./e2e/fixtures/browser";
import { DEV_ORIGINS, DEV_PORT } from "./e2e/fixtures/dev-server";

/**
 * The README's first command, `npm run dev`, must run the lessons too — at both names the lab uses,
 * localhost and 127.0.0.1. `next dev` compiles each route on its first request, so a warm-up
 * project requests them all once before the lessons start.
 */
const [DEV_BASE_URL] = DEV_ORIGINS;

export default defineConfig({
  testDir: "e2e/dev-server",
  // Beside the production suite's results, not over them.
  outputDir: "test-results/dev-server",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A route's first compile under `next dev` takes seconds on two cores.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: "playwright-report/dev-server" }]] : [["list"]],
  use: { baseURL: DEV_BASE_URL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "warm-up", testMatch: "warm-up.setup.ts" },
    {
      name: "dev-server",
      testIgnore: "warm-up.setup.ts",
      dependencies: ["warm-up"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunch() },
    },
  ],
  webServer: {
    command: "node scripts/e2e-dev-server.mjs",
    url: `${DEV_BASE_URL}/api/settings`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    // `next dev` logs every request; its errors still come through stderr.
    stdout: "ignore",
    stderr: "pipe",
    env: { E2E_DEV_PORT: String(DEV_PORT) },
  },
});
