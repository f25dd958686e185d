import { type ConsoleMessage } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { EVERY_PAGE, openPage, signInBoth } from "./fixtures/every-page";
import { smallTapTargets } from "./fixtures/tap-targets";
import { expectInViewport, horizontalOverflow } from "./fixtures/viewport";
import { ScenarioPage } from "./scenarios/scenario-page";

const PHONES = [
  { width: 360, height: 800 },
  { width: 390, height: 844 },
] as const;
const PROJECTOR = { width: 1280, height: 720 } as const;

/**
 * Every page, signed out and signed in: it loads without a console error (the favicon included),
 * nothing scrolls sideways on a 360 or 390 px phone — wide tables scroll inside themselves — every
 * control is a target of at least 24 px, and a screenshot at phone and projector size goes into
 * the report for a person to look at.
 */
test.describe("Layout: every page on a phone and on a projector", () => {
  for (const signedIn of [false, true]) {
    for (const target of EVERY_PAGE) {
      test(`${target.path} ${signedIn ? "signed in" : "signed out"}`, async ({ page }, testInfo) => {
        const errors: string[] = [];
        page.on("console", (message: ConsoleMessage) => {
          if (message.type() === "error" && !target.expectedConsoleErrors?.some((expected) => expected.test(message.text()))) errors.push(message.text());
        });
        if (signedIn) await signInBoth(page);
        await page.setViewportSize(PHONES[0]);
        await openPage(page, target);
        for (const phone of PHONES) {
          await page.setViewportSize(phone);
          expect(await horizontalOverflow(page), `px scrolled sideways at ${phone.width} px`).toBe(0);
          expect(await smallTapTargets(page), `targets under 24 px at ${phone.width} px`).toEqual([]);
        }
        await testInfo.attach(`${target.path} at 390×844`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
        await page.setViewportSize(PROJECTOR);
        expect(await smallTapTargets(page), "targets under 24 px at 1280 px").toEqual([]);
        await testInfo.attach(`${target.path} at 1280×720`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
        expect(errors, "console errors while the page loaded").toEqual([]);
      });
    }
  }
});

test("on a 360 px phone a finished scenario's table scrolls inside itself, the step column staying in view", async ({ page }) => {
  await page.setViewportSize(PHONES[0]);
  const scenario = new ScenarioPage(page);
  await scenario.goto("replay-after-logout", "Replay after logout");
  await scenario.run();
  expect(await horizontalOverflow(page), "px the page scrolls sideways").toBe(0);

  const table = page.getByRole("group", { name: "What happened, request by request (scrolls sideways)" });
  const row = scenario.row("Replay the copied access token after logout");
  await row.scrollIntoViewIfNeeded();
  // Before any sideways scroll the status is on screen beside the step.
  await expectInViewport(page, row.getByRole("rowheader"), "the step");
  await expectInViewport(page, row.getByRole("cell").nth(1), "its status");
  // Scrolled all the way to the request column, the step is still there.
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth), "the table is wider than the phone").toBeGreaterThan(0);
  await table.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expectInViewport(page, row.getByRole("rowheader"), "the step, scrolled sideways");
  await expectInViewport(page, row.getByRole("cell").last(), "the request column, scrolled to");
});

