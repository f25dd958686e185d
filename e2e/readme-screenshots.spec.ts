import { expect, test } from "@playwright/test";
import { DEMO } from "./fixtures/api";
import { DashboardPage, LoginPage } from "./fixtures/pages";

/** Produces the README's screenshots from the running app (docs/screenshots/), wide and narrow. */
test.describe("README screenshots", () => {
  test("login and dashboard, as a learner sees them", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const login = new LoginPage(page);
    await login.goto();
    await page.screenshot({ path: "docs/screenshots/login.png", fullPage: true });
    await login.logIn(DEMO.alice.email, DEMO.alice.password, "session");
    await new DashboardPage(page).expectSignedIn(DEMO.alice.email, "user", "session");
    await expect(page.locator("[data-step=session-lookup]")).toBeVisible();
    await page.screenshot({ path: "docs/screenshots/dashboard-session.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "docs/screenshots/dashboard-session-narrow.png", fullPage: true });
  });
});
