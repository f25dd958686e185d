import { expect, test } from "../fixtures/test";
import { WorkbenchPage } from "../fixtures/workbench";
import { ChallengesPage, storedSolved, tokenFor } from "./challenges-page";

const TITLE = "Become admin with a forged token";
const REASON = /^The signature no longer matches/;

/**
 * Forged admin. Anyone can edit a JWT's payload; nobody without the lab's key can sign it. The
 * challenge is solved when the server itself verifies the learner's token and refuses it as a forgery.
 */
test.describe("Challenge: become admin with a forged token", () => {
  test("edited to admin and re-signed with my own secret on the workbench, refused by the server for its signature: solved", async ({ page }) => {
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    await workbench.getFreshTokenForAlice();
    await workbench.editPayloadToAdmin();
    await workbench.signWith("HS256", "a-secret-of-my-own-that-authlab-never-saw");
    const answer = await workbench.sendSignedToAuthLab();
    await expect(answer.getByTestId("server-verdict")).toHaveText(/^401 TOKEN_SIGNATURE_INVALID/);
    await workbench.signedToken.getByRole("button", { name: "Decode and verify it above" }).click();
    const forged = await workbench.tokenBox.inputValue();

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await challenges.revealHints(TITLE, 3);
    await challenges.check(TITLE, { token: forged, answer: REASON });
    await challenges.expectSolved(TITLE);
    await expect(challenges.verdict(TITLE)).toContainText("TOKEN_SIGNATURE_INVALID");
    await challenges.expectStoredAs(TITLE, "solved");
  });

  test("a real admin token (one the server accepts), a forgery with the wrong reason, or a body that says solved: not solved", async ({ page }) => {
    const challenges = new ChallengesPage(page);
    await challenges.goto();
    // The demo admin's genuine token says role admin too — but it is no forgery.
    await challenges.check(TITLE, { token: await tokenFor(page.request, "admin"), answer: REASON });
    await challenges.expectNotSolved(TITLE, "The server accepts this token");
    // Alice's genuine token: not admin.
    await challenges.check(TITLE, { token: await tokenFor(page.request, "alice"), answer: REASON });
    await challenges.expectNotSolved(TITLE, 'role "user"');

    // A real forgery, with the wrong reason.
    const workbench = new WorkbenchPage(page);
    await workbench.goto();
    await workbench.getFreshTokenForAlice();
    await workbench.editPayloadToAdmin();
    await workbench.signWith("HS256", "another-secret-of-mine-0123456789");
    await workbench.signedToken.getByRole("button", { name: "Decode and verify it above" }).click();
    const forged = await workbench.tokenBox.inputValue();
    await challenges.goto();
    await challenges.check(TITLE, { token: forged, answer: /looked alice's real role up/ });
    await challenges.expectNotSolved(TITLE, "not the right one");

    // The browser's own claim counts for nothing: the body has no such field.
    const faked = await page.request.post("/api/challenges/forged-admin/check", { data: { solved: true } });
    expect(faked.status()).toBe(400);
    expect(((await faked.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_FAILED");
    expect(await storedSolved(page.request, "forged-admin")).toBe(false);
    await challenges.expectStoredAs(TITLE, "open");
  });
});
