import { expect, test } from "../fixtures/test";
import { ScenarioPage } from "./scenario-page";
import { readmeScreenshot } from "../fixtures/screenshots";

/** The way in: nine scenarios, one URL each, one button each. */
test.describe("Scenario index and one-click runs", () => {
  test("the index lists the nine scenarios, and Run opens one and starts it at once", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto("/scenarios");
    await expect(page.getByRole("heading", { level: 1, name: "Scenarios: when something goes wrong" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Run: / })).toHaveCount(9);
    await readmeScreenshot(page, "scenarios/index", { fullPage: true });

    await page.getByRole("link", { name: "Run: Session fixation" }).click();
    await expect(page).toHaveURL(/\/scenarios\/session-fixation\?run=1$/);
    const scenario = new ScenarioPage(page);
    await expect(scenario.progress).toHaveText(/^Finished/, { timeout: 30_000 });
    await expect(scenario.verdict("Session")).toContainText("New id at login, old one dead");
    // As a projector shows it, and on a phone.
    await readmeScreenshot(page, "scenarios/session-fixation-1280x720");
    await page.setViewportSize({ width: 390, height: 844 });
    await readmeScreenshot(page, "scenarios/session-fixation-narrow");
  });

  test("an unknown scenario is a 404", async ({ page }) => {
    const response = await page.goto("/scenarios/not-a-scenario");
    expect(response?.status()).toBe(404);
  });
});
