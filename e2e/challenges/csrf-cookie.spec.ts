import { expect, test } from "../fixtures/test";
import { ChallengesPage, storedSolved } from "./challenges-page";

const TITLE = "Find the cookie a CSRF form rides on";
const SESSION_COOKIE = /^The session cookie$/;

/**
 * CSRF. The attacker's page (this server under its other loopback name: another site) submits a form
 * that can only hope the browser adds the session cookie. Solved when the lab recorded the refused
 * cross-site request (CROSS_ORIGIN_REFUSED) and the learner names that cookie.
 */
test.describe("Challenge: find the cookie a CSRF form rides on", () => {
  test("the attacker's page opened from the card is refused and recorded; the session cookie named: solved", async ({ page, context }) => {
    const challenges = new ChallengesPage(page);
    await challenges.goto();
    const popup = context.waitForEvent("page");
    await challenges.card(TITLE).getByRole("link", { name: /^Open the attacker's page/ }).click();
    const attacker = await popup;
    // The forged form lands on AuthLab's answer: refused before any handler ran.
    await expect(attacker.locator("body")).toContainText("CROSS_ORIGIN_REQUEST");
    await attacker.close();

    await challenges.check(TITLE, { answer: SESSION_COOKIE });
    await challenges.expectSolved(TITLE);
    await expect(challenges.verdict(TITLE)).toContainText("CROSS_ORIGIN_REFUSED");
  });

  test("the right cookie without any cross-site request, then the wrong cookie after one: not solved", async ({ page, context }) => {
    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await challenges.check(TITLE, { answer: SESSION_COOKIE });
    await challenges.expectNotSolved(TITLE, "no CROSS_ORIGIN_REFUSED");

    const popup = context.waitForEvent("page");
    await challenges.card(TITLE).getByRole("link", { name: /^Open the attacker's page/ }).click();
    const attacker = await popup;
    await expect(attacker.locator("body")).toContainText("CROSS_ORIGIN_REQUEST");
    await attacker.close();
    await challenges.check(TITLE, { answer: /^The lab cookie/ });
    await challenges.expectNotSolved(TITLE, "not the right one");
    expect(await storedSolved(page.request, "csrf-cookie")).toBe(false);
  });
});
