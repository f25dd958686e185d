import { expect, test } from "../fixtures/test";
import { LabPage } from "../fixtures/lab";
import { ChallengesPage, applyAsInstructor, storedSolved } from "./challenges-page";

const TITLE = "Beat the denylist";
const COST = /^A store lookup on every request that carries a JWT/;

/**
 * Beat the denylist — you can't. With it on, logout records the token's jti and every request looks
 * it up. Solved when this lab's denylist really holds an entry and the learner names the cost.
 */
test.describe("Challenge: beat the denylist", () => {
  test("denylist on, a JWT logged out on the pane, its jti in the denylist, the cost named: solved", async ({ page }) => {
    await applyAsInstructor(page, async (p) => {
      await p.getByRole("checkbox", { name: "Check every access token against the denylist" }).check();
    });
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("jwt");
    await lab.press("jwt", "Log out");
    await expect(lab.last("jwt")).toHaveText("Last: Log out: 204");

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await challenges.check(TITLE, { answer: COST });
    await challenges.expectSolved(TITLE);
    await expect(challenges.verdict(TITLE)).toContainText("denylist holds 1 entry");
  });

  test("with the denylist off a logout leaves it empty; and the wrong cost is refused: not solved", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("jwt");
    await lab.press("jwt", "Log out");
    await expect(lab.last("jwt")).toHaveText("Last: Log out: 204");

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await challenges.check(TITLE, { answer: COST });
    await challenges.expectNotSolved(TITLE, "denylist is off and empty");

    await applyAsInstructor(page, async (p) => {
      await p.getByRole("checkbox", { name: "Check every access token against the denylist" }).check();
    });
    await lab.goto();
    await lab.logInAsAlice("jwt");
    await lab.press("jwt", "Log out");
    await expect(lab.last("jwt")).toHaveText("Last: Log out: 204");
    await challenges.goto();
    await challenges.check(TITLE, { answer: /^Nothing: the revocation is written/ });
    await challenges.expectNotSolved(TITLE, "not the right one");
    expect(await storedSolved(page.request, "beat-the-denylist")).toBe(false);
  });
});
