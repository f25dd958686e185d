import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { readmeScreenshot } from "./fixtures/screenshots";

/** The answers a learner who followed the tour should give, one per question, in order. */
const RIGHT_ANSWERS: RegExp[] = [
  /^200, until the token's exp/,
  /^A store lookup on every request/,
  /^The session dies on its next request; the JWT keeps working until exp/,
  /^The session: it reads the current role from the database/,
  /^401: the signature no longer matches/,
  /^It posts to the refresh endpoint/,
  /^Treats it as theft: revokes the whole token family/,
  /^From localStorage/,
  /^Because a form cannot set headers/,
  /^So that an id planted in the browser before login/,
];

const SCENARIO_OF_QUESTION = ["replay-after-logout", "replay-after-logout", "admin-revokes-user", "role-change", "tampering", "expiry", "stolen-refresh-token", "where-the-token-lives", "csrf", "session-fixation"];

function question(page: Page, n: number) {
  return page.getByRole("listitem").filter({ has: page.getByRole("group", { name: new RegExp(`^Question ${n} of 10\\.`) }) });
}

async function answer(page: Page, n: number, option: RegExp): Promise<void> {
  const item = question(page, n);
  await item.getByRole("radio", { name: option }).check();
  await item.getByRole("button", { name: `Check answer ${n}` }).click();
}

/** Ten questions at the end of the tour: each answer explained, each pointing to the scenario that shows it. */
test.describe("Knowledge check", () => {
  test("every answer is explained and linked to its scenario, and the score counts the right ones", async ({ page }) => {
    await page.goto("/tour/quiz");
    await expect(page.getByRole("heading", { name: "Knowledge check" })).toBeVisible();
    const score = page.getByTestId("quiz-score");
    await expect(score).toHaveText("Score: 0 of 10 correct · 0 of 10 answered");
    await expect(page.getByRole("group", { name: /^Question \d+ of 10\./ })).toHaveCount(10);

    // A wrong answer first: told so, shown the right one, the explanation and the scenario.
    const first = question(page, 1);
    await expect(first.getByRole("button", { name: "Check answer 1" })).toBeDisabled();
    await answer(page, 1, /^401 at once: logout revoked it/);
    await expect(first.getByText("✗ Not quite.")).toBeVisible();
    await expect(first.getByText("← the right answer")).toBeVisible();
    await expect(first.getByText("← your answer")).toBeVisible();
    await expect(first.getByText(/the exposure window/)).toBeVisible();
    await expect(first.getByRole("radio").first()).toBeDisabled();
    await expect(score).toHaveText("Score: 0 of 10 correct · 1 of 10 answered");

    for (let n = 2; n <= 10; n++) {
      await answer(page, n, RIGHT_ANSWERS[n - 1]!);
      await expect(question(page, n).getByText("✓ Correct.")).toBeVisible();
    }
    await expect(score).toContainText("Score: 9 of 10 correct · 10 of 10 answered");
    await expect(score).toContainText("open the linked scenarios for the ones you missed");

    for (let n = 1; n <= 10; n++) {
      await expect(question(page, n).getByRole("link", { name: /^See it happen:/ })).toHaveAttribute("href", `/scenarios/${SCENARIO_OF_QUESTION[n - 1]}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeScreenshot(page, "knowledge-check", { fullPage: true });

    await page.getByRole("button", { name: "Start over" }).click();
    await expect(score).toHaveText("Score: 0 of 10 correct · 0 of 10 answered");
    await expect(question(page, 1).getByRole("radio").first()).toBeEnabled();
  });

  test("all ten right: the score says so", async ({ page }) => {
    await page.goto("/tour/quiz");
    for (let n = 1; n <= 10; n++) await answer(page, n, RIGHT_ANSWERS[n - 1]!);
    await expect(page.getByTestId("quiz-score")).toHaveText("Score: 10 of 10 correct · 10 of 10 answered — all right: you could teach this.");
  });
});
