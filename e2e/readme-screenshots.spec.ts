import { expect, test } from "./fixtures/test";
import { DEMO } from "./fixtures/api";
import { LabPage } from "./fixtures/lab";
import { DashboardPage, LoginPage } from "./fixtures/pages";
import { readmeScreenshot } from "./fixtures/screenshots";

/** The README's screenshots, taken from the running app, wide and narrow (`npm run screenshots` writes them to docs/screenshots). */
test.describe("README screenshots", () => {
  test("login and dashboard, as a learner sees them", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const login = new LoginPage(page);
    await login.goto();
    await readmeScreenshot(page, "login", { fullPage: true });
    await login.logIn(DEMO.alice.email, DEMO.alice.password, "session");
    await new DashboardPage(page).expectSignedIn(DEMO.alice.email, "user", "session");
    await expect(page.locator("[data-step=session-lookup]")).toBeVisible();
    await readmeScreenshot(page, "dashboard-session", { fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await readmeScreenshot(page, "dashboard-session-narrow", { fullPage: true });
  });

  test("the lab: both panes signed in, their latest requests compared, the server state", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("session");
    await lab.logInAsAlice("jwt");
    await lab.press("session", "Call the protected API");
    await expect(lab.last("session")).toHaveText("Last: Call the protected API: 200");
    await lab.press("jwt", "Call the protected API");
    await expect(lab.last("jwt")).toHaveText("Last: Call the protected API: 200");
    await expect(lab.latest("jwt").getByTestId("flow-store-queries")).toHaveText("0");
    await readmeScreenshot(page, "lab");
    await readmeScreenshot(page, "lab-full", { fullPage: true });
    await lab.latest("session").scrollIntoViewIfNeeded();
    await readmeScreenshot(page, "lab-request-flow");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeScreenshot(page, "lab-narrow");
  });
});
