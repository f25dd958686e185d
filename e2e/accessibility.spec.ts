import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { EVERY_PAGE, openPage, signInBoth } from "./fixtures/every-page";
import { ScenarioPage } from "./scenarios/scenario-page";

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
] as const;

/** axe's findings that would stop someone using the page: serious and critical only, with where they are. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
}

/**
 * Every page, signed out and signed in, on a phone and on a projector: axe finds nothing serious
 * or critical — contrast, names, landmarks, focusable scroll areas, target sizes.
 */
test.describe("Accessibility: every page passes axe", () => {
  for (const signedIn of [false, true]) {
    for (const target of EVERY_PAGE) {
      test(`${target.path} ${signedIn ? "signed in" : "signed out"}`, async ({ page }) => {
        if (signedIn) await signInBoth(page);
        for (const size of SIZES) {
          await page.setViewportSize(size);
          if (size === SIZES[0]) await openPage(page, target);
          expect(await seriousViolations(page), `axe at ${size.width}×${size.height}`).toEqual([]);
        }
      });
    }
  }
});

test.describe("Accessibility: what the lessons draw once they have run", () => {
  test("a finished scenario (step table, attacker badges, verdicts) passes axe", async ({ page }) => {
    const scenario = new ScenarioPage(page);
    await scenario.goto("replay-after-logout", "Replay after logout");
    await scenario.run();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      expect(await seriousViolations(page), `axe at ${size.width}×${size.height}`).toEqual([]);
    }
  });

  test("a tour step that has run (the answers, coloured from the defender's side) passes axe", async ({ page }) => {
    await page.goto("/tour?step=4&presenter=1");
    await page.getByRole("button", { name: /^Do it:/ }).click();
    await expect(page.getByRole("heading", { name: "What the server answered" })).toBeVisible({ timeout: 30_000 });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      expect(await seriousViolations(page), `axe at ${size.width}×${size.height}`).toEqual([]);
    }
  });
});

