import { expect, test } from "./fixtures/test";
import { findCookie, readSettings, ScenarioPage } from "./scenarios/scenario-page";

/**
 * Replay after logout. A copy of each credential is taken, both strategies log out, and the copies
 * are replayed: the session copy is dead, the JWT access token is not — until the denylist, at the
 * price of one store lookup on every JWT request.
 */
test("replay after logout: the session copy dies, the JWT copy lives until exp unless the denylist is on", async ({ page, context }) => {
  const settingsBefore = await readSettings(page);
  const scenario = new ScenarioPage(page);
  await scenario.goto("replay-after-logout", "Replay after logout");
  await scenario.run();

  await scenario.expectRow("Replay the copied session cookie while Alice is logged in", { strategy: "Session", status: "200" });
  await scenario.expectRow("Replay the copied session cookie after logout", { strategy: "Session", status: "401", code: "SESSION_NOT_FOUND", storeQueries: "1" });
  await scenario.expectRow("Replay the copied access token after logout", { strategy: "JWT", status: "200", storeQueries: "0", says: /valid for another \d\d:\d\d/ });
  await scenario.expectRow("Replay the copied refresh token after logout", { strategy: "JWT", status: "401", code: "REFRESH_TOKEN_REVOKED" });
  // With the denylist on, every JWT request costs a store lookup — and the logged-out token is refused.
  await scenario.expectRow("Replay the copied access token while Alice is logged in (denylist on)", { status: "200", storeQueries: "1" });
  await scenario.expectRow("Replay the copied access token after logout (denylist on)", { status: "401", code: "TOKEN_REVOKED", storeQueries: "1" });
  await scenario.expectRow(/Put the settings back: denylistEnabled = false/, { strategy: "Lab", status: "200" });
  await scenario.expectCleanedUp();
  // Each replay is the attacker's: from the defender's side, a copy that works is the bad news.
  await expect(scenario.row("Replay the copied session cookie after logout")).toContainText("✓ attacker blocked");
  await expect(scenario.row("Replay the copied access token after logout")).toContainText("✗ attacker got in");
  await expect(scenario.row("Replay the copied access token after logout (denylist on)")).toContainText("✓ attacker blocked");

  await expect(scenario.verdict("Session")).toContainText("Dead at logout");
  await expect(scenario.verdict("Session")).toContainText("401 SESSION_NOT_FOUND");
  await expect(scenario.verdict("JWT")).toContainText(/Access token still valid for \d\d:\d\d/);
  await expect(scenario.verdict("JWT")).toContainText("401 TOKEN_REVOKED");

  // Both logged out: the browser holds none of the credentials any more.
  for (const name of ["__Host-session", "__Host-access", "__Secure-refresh"]) expect(await findCookie(context, name), name).toBeUndefined();
  // Settings as they were.
  expect(await readSettings(page)).toEqual(settingsBefore);
  await scenario.screenshot("replay-after-logout");
});
