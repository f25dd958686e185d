import { expect, test } from "../fixtures/test";
import { LabPage } from "../fixtures/lab";
import { ChallengesPage, applyAsInstructor, storedSolved } from "./challenges-page";

const TITLE = "Read a token with an injected script";
const HTTPONLY = /^Not read it — but send requests/;

/**
 * Token via an injected script. Whatever page JavaScript can read, a script can steal: with the JWT
 * pane keeping its token in localStorage the script hands it over; in an HttpOnly cookie it finds
 * nothing. Solved when the server verifies the stolen token as a real access token of this lab.
 */
test.describe("Challenge: read a token with an injected script", () => {
  test("with the token in localStorage the script steals it, and the server verifies it is real: solved", async ({ page }) => {
    await applyAsInstructor(page, async (p) => {
      await p.getByRole("radio", { name: /^localStorage/ }).check();
    });
    const lab = new LabPage(page);
    // The pane says where it keeps its token (a lab's settings reach every view within a second).
    await expect(async () => {
      await lab.goto();
      await expect(lab.jwt).toContainText("kept in localStorage", { timeout: 1000 });
    }).toPass();
    await lab.logInAsAlice("jwt");
    expect(await page.evaluate(() => window.localStorage.getItem("authlab.accessToken"))).toMatch(/^eyJ/);

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    const card = challenges.card(TITLE);
    await card.getByRole("button", { name: "Run the injected script" }).click();
    await expect(card.getByRole("status", { name: "What the injected script read" })).toContainText('Token found in localStorage["authlab.accessToken"]');
    await expect(card.getByRole("textbox")).toHaveValue(/^eyJ/);
    await challenges.check(TITLE, { answer: HTTPONLY });
    await challenges.expectSolved(TITLE);
    await expect(challenges.verdict(TITLE)).toContainText("localStorage");
  });

  test("in the HttpOnly cookie mode the script finds nothing, and a made-up token is refused: not solved", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await expect(lab.jwt).toContainText("kept in an HttpOnly cookie");
    await lab.logInAsAlice("jwt");

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    const card = challenges.card(TITLE);
    await card.getByRole("button", { name: "Run the injected script" }).click();
    await expect(card.getByRole("status", { name: "What the injected script read" })).toContainText("No token readable");
    await expect(card.getByRole("textbox")).toHaveValue("");
    await challenges.check(TITLE, { answer: HTTPONLY });
    await challenges.expectNotSolved(TITLE, "Paste the token the script read first");
    await challenges.check(TITLE, { token: "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoidXNlciJ9.c2ln", answer: HTTPONLY });
    await challenges.expectNotSolved(TITLE, "does not accept this as an access token");
    expect(await storedSolved(page.request, "token-via-script")).toBe(false);
  });
});
