import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { expectInViewport } from "./fixtures/viewport";

const STEPS_WITH_DO_IT = [1, 2, 3, 4, 5, 6] as const;

async function doIt(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Do it:/ }).click();
  await expect(page.getByRole("heading", { name: "What the server answered" })).toBeVisible({ timeout: 30_000 });
}

/**
 * On a projector (1280×720, presenter mode) nobody scrolls: after each "Do it" the class sees the
 * panes that acted — who they are signed in as and their last answer — what to watch, and every
 * line of what the server answered, all in one screen.
 */
test.describe("Presenter mode on a projector", () => {
  test("after every 'Do it' the acting panes, the Watch box and the answers are on screen without scrolling", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto("/tour?step=1&presenter=1");
    for (const step of STEPS_WITH_DO_IT) {
      await expect(page).toHaveURL(new RegExp(`step=${step}&presenter=1$`));
      await doIt(page);
      for (const pane of ["session", "jwt"] as const) {
        await expectInViewport(page, page.getByTestId(`${pane}-state`), `step ${step}: the ${pane} pane's state`);
        await expectInViewport(page, page.getByTestId(`${pane}-last`), `step ${step}: the ${pane} pane's last answer`);
      }
      await expectInViewport(page, page.getByTestId("tour-watch"), `step ${step}: the Watch box`);
      const answers = page.getByRole("log", { name: "What the server answered" }).getByRole("listitem");
      const count = await answers.count();
      expect(count, `step ${step} answered something`).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) await expectInViewport(page, answers.nth(i), `step ${step}: answer ${i + 1} of ${count}`);
      await testInfo.attach(`presenter step ${step} after Do it`, { body: await page.screenshot(), contentType: "image/png" });
      // As a presenter moves on: the arrow key (the step's clean-up runs on the way).
      if (step < 6) await page.keyboard.press("ArrowRight");
    }
  });
});
