import { expect, test } from "../fixtures/test";
import { LabPage } from "../fixtures/lab";
import { WorkbenchPage } from "../fixtures/workbench";
import { ChallengesPage, storedSolved } from "./challenges-page";

const TITLE = "Keep access after logout";
const WHY = /^Logout deletes the session record/;

/**
 * Keep access after logout. A JWT is checked by its signature and exp alone: logging out everywhere
 * revokes the refresh families, and a copy of the access token still works. Solved when the server
 * accepts the token now and sees its user's logout after the token was issued.
 */
test.describe("Challenge: keep access after logout", () => {
  test("a token kept from the workbench still works after alice logs out everywhere on the JWT pane: solved", async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    const kept = await workbench.getFreshTokenForAlice();

    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("jwt");
    await lab.press("jwt", "Log out everywhere");
    await expect(lab.last("jwt")).toHaveText("Last: Log out everywhere: 204");

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await challenges.check(TITLE, { token: kept, answer: WHY });
    await challenges.expectSolved(TITLE);
    await expect(challenges.verdict(TITLE)).toContainText("LOGOUT_ALL");
    await challenges.expectStoredAs(TITLE, "solved");
  });

  test("a token whose user never logged out, a made-up token, or the wrong explanation: not solved", async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    const kept = await workbench.getFreshTokenForAlice();

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await challenges.check(TITLE, { token: kept, answer: WHY });
    await challenges.expectNotSolved(TITLE, "has not logged out since it was issued");
    await challenges.check(TITLE, { token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.bm90LWEtc2lnbmF0dXJl", answer: WHY });
    await challenges.expectNotSolved(TITLE, "The server refuses this token");

    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("jwt");
    await lab.press("jwt", "Log out everywhere");
    await expect(lab.last("jwt")).toHaveText("Last: Log out everywhere: 204");
    await challenges.goto();
    await challenges.check(TITLE, { token: kept, answer: /^The browser deletes the session cookie/ });
    await challenges.expectNotSolved(TITLE, "not the right one");
    expect(await storedSolved(page.request, "access-after-logout")).toBe(false);
  });
});
