import { expect, test } from "./fixtures/test";
import { findCookie, ScenarioPage } from "./scenarios/scenario-page";

/**
 * Stolen refresh token. Rotation makes every refresh token single use, so the thief's replay of a
 * spent token is detected: the family is revoked and the event recorded. A copied session cookie,
 * by contrast, works beside the original until logout.
 */
test("stolen refresh token: reuse revokes the family and is recorded; a copied session cookie goes unnoticed", async ({ page, context }) => {
  const scenario = new ScenarioPage(page);
  await scenario.goto("stolen-refresh-token", "Stolen refresh token");
  await scenario.run();

  await scenario.expectRow("The attacker uses the copied session cookie", { strategy: "Session", status: "200" });
  await scenario.expectRow("Alice keeps using her session", { strategy: "Session", status: "200" });
  await scenario.expectRow("Alice's client refreshes as usual", { strategy: "JWT", status: "200" });
  // Inside the 10 s grace window a second use is a retry: the same successor comes back, nobody is logged out.
  await scenario.expectRow(/^Within 10 s, the spent refresh token is presented again/, { strategy: "JWT", status: "200", says: "Handed the same successor" });
  // Past the window a second use can only be theft.
  await scenario.expectRow("Move the clock forward 20 s", { status: "200" });
  await scenario.expectRow("The attacker presents the copied (now spent) refresh token", { strategy: "JWT", status: "401", code: "REFRESH_TOKEN_REUSED" });
  const event = await scenario.expectRow("Security event recorded: REFRESH_TOKEN_REUSED", { strategy: "JWT", says: "revoked (REUSE_DETECTED)" });
  await expect(event).toContainText("the first one, stolen");
  await scenario.expectRow("Alice's client refreshes again", { status: "401", code: "REFRESH_TOKEN_REVOKED" });
  await scenario.expectRow("The attacker uses the copied session cookie again", { status: "401", code: "SESSION_NOT_FOUND" });
  await scenario.expectCleanedUp();

  await expect(scenario.verdict("Session")).toContainText("Copy never detected");
  await expect(scenario.verdict("JWT")).toContainText("Reuse detected, family revoked");

  const clock = (await (await page.request.get("/api/demo/clock")).json()) as { offsetMs: number };
  expect(clock.offsetMs).toBe(0);
  for (const name of ["__Host-session", "__Host-access", "__Secure-refresh"]) expect(await findCookie(context, name), name).toBeUndefined();
  await scenario.screenshot("stolen-refresh-token");
});
