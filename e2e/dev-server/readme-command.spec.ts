import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "../fixtures/api";
import { DEV_ORIGINS } from "../fixtures/dev-server";
import { LabPage } from "../fixtures/lab";
import { ScenarioPage } from "../scenarios/scenario-page";

const ORIGINS = DEV_ORIGINS;

async function tourDoIt(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Do it:/ }).click();
  await expect(page.getByRole("heading", { name: "What the server answered" })).toBeVisible({ timeout: 60_000 });
}

/**
 * The README says: `npm run dev`, then open the lab. Under the dev server, a page opened at
 * 127.0.0.1 used to stay dead (Next refuses its scripts to origins it was not told about), so the
 * lessons run here at both names the lab uses.
 */
test.describe("The README's command, npm run dev", () => {
  for (const origin of ORIGINS) {
    test(`at ${new URL(origin).hostname}: the lab comes alive, and each pane logs in and calls the protected API`, async ({ page }) => {
      const lab = new LabPage(page);
      await page.goto(`${origin}/`);
      await expect(page.getByRole("heading", { name: "Sessions vs JWT, side by side" })).toBeVisible();
      // Hydrated: the panes have asked the server what it receives (a dead page stays on "reading…").
      await expect(lab.session.getByTestId("session-inspector")).toContainText("nothing to inspect yet");
      for (const mode of ["session", "jwt"] as const) {
        await lab.logInAsAlice(mode);
        await lab.press(mode, "Call the protected API");
        await expect(lab.last(mode)).toHaveText("Last: Call the protected API: 200");
      }
      await expect(page.getByRole("banner").getByTestId("header-identity")).toContainText(DEMO.alice.email);
    });
  }

  test("the CSRF scenario: the attacker's page on 127.0.0.1 submits its form, and it is refused", async ({ page }) => {
    const scenario = new ScenarioPage(page);
    await page.goto(`${ORIGINS[0]}/scenarios/csrf`);
    await expect(page.getByRole("heading", { level: 1, name: "CSRF" })).toBeVisible();
    await scenario.run();
    await scenario.expectRow("Auto-submit a forged HTML form to “log out everywhere”", { strategy: "Session", status: "403", code: "CROSS_ORIGIN_REQUEST" });
    await scenario.expectRow("Try fetch() with an Authorization header instead", { strategy: "JWT", says: "Blocked by the browser before it was sent" });
    await expect(scenario.verdict("Session")).toContainText("Forged form refused");
    await expect(scenario.verdict("JWT")).toContainText("Cannot be forged");
  });

  test("the tour's first steps: no credential gets 401, a session login is looked up in the store", async ({ page }) => {
    await page.goto(`${ORIGINS[0]}/tour?step=1`);
    await tourDoIt(page);
    const log = page.getByRole("log", { name: "What the server answered" });
    await expect(log).toContainText("Session pane · Call the protected API → 401 UNAUTHENTICATED");
    await expect(log).toContainText("JWT pane · Call the protected API → 401 UNAUTHENTICATED");
    await page.getByRole("link", { name: "Next step →" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sessions: the server remembers" })).toBeVisible();
    await tourDoIt(page);
    await expect(log).toContainText(/Session pane · Call the protected API → 200 · [1-9]\d* store quer/);
  });
});
