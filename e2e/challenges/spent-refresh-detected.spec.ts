import { expect, test } from "../fixtures/test";
import { LabPage } from "../fixtures/lab";
import { ScenarioPage } from "../scenarios/scenario-page";
import { ChallengesPage, storedSolved } from "./challenges-page";

const TITLE = "Get a spent refresh token detected";
const WHAT = /^It revokes the whole family/;

/**
 * Spent refresh token. Solved when this lab's own security events hold REFRESH_TOKEN_REUSED: the
 * server detected a spent refresh token presented past the grace window.
 */
test.describe("Challenge: get a spent refresh token detected", () => {
  test("the stolen-refresh-token scenario replays the spent copy, the server records the reuse: solved", async ({ page }) => {
    const scenario = new ScenarioPage(page);
    await scenario.goto("stolen-refresh-token", "Stolen refresh token");
    await scenario.run();
    await scenario.expectRow("The attacker presents the copied (now spent) refresh token", { status: "401", code: "REFRESH_TOKEN_REUSED" });

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await challenges.check(TITLE, { answer: WHAT });
    await challenges.expectSolved(TITLE);
    await expect(challenges.verdict(TITLE)).toContainText("REFRESH_TOKEN_REUSED");
  });

  test("ordinary refreshes are no reuse, and a wrong answer after a real one is not enough: not solved", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("jwt");
    await lab.press("jwt", "Refresh the token");
    await expect(lab.last("jwt")).toHaveText("Last: Refresh the access token: 200");

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await challenges.check(TITLE, { answer: WHAT });
    await challenges.expectNotSolved(TITLE, "no REFRESH_TOKEN_REUSED");

    const scenario = new ScenarioPage(page);
    await scenario.goto("stolen-refresh-token", "Stolen refresh token");
    await scenario.run();
    await challenges.goto();
    await challenges.check(TITLE, { answer: /^Only the replayed copy stops working/ });
    await challenges.expectNotSolved(TITLE, "not the right one");
    expect(await storedSolved(page.request, "spent-refresh-detected")).toBe(false);
  });
});
