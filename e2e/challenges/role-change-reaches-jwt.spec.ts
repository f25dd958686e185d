import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/test";
import { LabPage } from "../fixtures/lab";
import { ChallengesPage, storedSolved, tokenFor } from "./challenges-page";

const TITLE = "Make a role change reach a JWT holder";

/** The challenge's curl lines, as page.request (the browser's lab): promote alice as the admin. */
async function promoteAlice(page: Page): Promise<void> {
  const admin = await tokenFor(page.request, "admin");
  const list = await page.request.get("/api/admin/users", { headers: { authorization: `Bearer ${admin}` } });
  expect(list.status()).toBe(200);
  const { users } = (await list.json()) as { users: { id: string; email: string }[] };
  const alice = users.find((u) => u.email === "alice@example.com");
  expect(alice, "alice is a user of this lab").toBeDefined();
  const patched = await page.request.patch(`/api/admin/users/${alice!.id}`, { data: { role: "admin" }, headers: { authorization: `Bearer ${admin}` } });
  expect(patched.status()).toBe(200);
}

/**
 * Role change and a JWT. The role is a claim inside the signed token, fixed when it was minted: a
 * promotion reaches the JWT holder only with a new token. Solved when the server sees a token whose
 * role claim is the user's changed role in the database.
 */
test.describe("Challenge: make a role change reach a JWT holder", () => {
  test("alice promoted by the admin, then the JWT pane refreshes: the new token says admin: solved", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("jwt");
    await promoteAlice(page);
    await lab.press("jwt", "Refresh the token");
    await expect(lab.last("jwt")).toHaveText("Last: Refresh the access token: 200");

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    // No token pasted: the JWT pane's access cookie travels with the check.
    await challenges.check(TITLE);
    await challenges.expectSolved(TITLE);
    await expect(challenges.verdict(TITLE)).toContainText("The token says role admin");
  });

  test("promoted but not refreshed, the token still says user; the demo admin's own token is no change: not solved", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("jwt");

    const challenges = new ChallengesPage(page);
    await challenges.goto();
    await challenges.check(TITLE, { token: await tokenFor(page.request, "admin") });
    await challenges.expectNotSolved(TITLE, "the role the account started with");

    await promoteAlice(page);
    await challenges.check(TITLE, { token: "" });
    await challenges.expectNotSolved(TITLE, "minted before the change");
    expect(await storedSolved(page.request, "role-change-reaches-jwt")).toBe(false);
  });
});
