import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/test";
import { LabPage } from "../fixtures/lab";
import { ChallengesPage, storedSolved } from "./challenges-page";

const TITLE = "Outlive the idle timeout";

/** Moves the lab's demo clock 15 minutes on /instructor, as the instructor's button does. */
async function clockForward15(page: Page, aheadText: string): Promise<void> {
  await page.goto("/instructor");
  await page.getByRole("main").getByRole("group", { name: "Demo clock" }).getByRole("button", { name: "+15 min" }).click();
  await expect(page.getByTestId("demo-clock-state")).toContainText(`Auth clock: ${aheadText} ahead`);
}

/**
 * Outlive the idle timeout. The idle timeout counts from the last request, and each request slides
 * it forward. Solved when the session this check carries is valid and older, on the lab's auth
 * clock, than the idle timeout (30 min by default).
 */
test.describe("Challenge: outlive the idle timeout", () => {
  test("a session used every 15 demo minutes is valid at 45 minutes old: solved", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("session");
    for (const ahead of ["+15 min", "+30 min"]) {
      await clockForward15(page, ahead);
      await lab.goto();
      await lab.press("session", "Call the protected API");
      await expect(lab.last("session")).toHaveText("Last: Call the protected API: 200");
    }
    await clockForward15(page, "+45 min");

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await challenges.check(TITLE);
    await challenges.expectSolved(TITLE);
    await expect(challenges.verdict(TITLE)).toContainText(/45 min( \d+ s)? old/);
  });

  test("a session only 15 minutes old, or no session at all: not solved", async ({ page }) => {
    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await challenges.check(TITLE);
    await challenges.expectNotSolved(TITLE, "no session cookie");

    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("session");
    await clockForward15(page, "+15 min");
    await challenges.goto();
    await challenges.check(TITLE);
    await challenges.expectNotSolved(TITLE, /15 min( \d+ s)? old/);
    expect(await storedSolved(page.request, "outlive-idle-timeout")).toBe(false);
  });
});
