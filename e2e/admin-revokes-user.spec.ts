import { expect, test } from "./fixtures/test";
import { adminToken, DEMO, inLab } from "./fixtures/api";
import { findCookie, ScenarioPage } from "./scenarios/scenario-page";

/**
 * Admin revokes the user. The session is looked up on every request, so it dies on the next one;
 * the JWT carries its own proof and lives until exp — only its refresh is refused.
 */
test("admin revokes the user: the session dies on the next request, the JWT lives until exp, refresh fails", async ({ page, context, request, lab }) => {
  const scenario = new ScenarioPage(page);
  await scenario.goto("admin-revokes-user", "Admin revokes the user");
  await scenario.run();

  await scenario.expectRow(`Revoke every credential of ${DEMO.alice.email}`, { strategy: "Lab", status: "200" });
  await scenario.expectRow("Alice's next request (session)", { strategy: "Session", status: "401", code: "SESSION_NOT_FOUND", storeQueries: "1" });
  await scenario.expectRow("Alice's next request (JWT)", { strategy: "JWT", status: "200", storeQueries: "0", says: /valid for another \d\d:\d\d/ });
  await scenario.expectRow("Alice's client tries to refresh", { strategy: "JWT", status: "401", code: "REFRESH_TOKEN_REVOKED" });
  await scenario.expectCleanedUp();

  await expect(scenario.verdict("Session")).toContainText("Dead on the next request");
  await expect(scenario.verdict("JWT")).toContainText(/Lives on until exp \(\d\d:\d\d\)/);
  await expect(scenario.verdict("JWT")).toContainText("401 REFRESH_TOKEN_REVOKED");

  // The refusals cleared what could never work again.
  for (const name of ["__Host-session", "__Host-access", "__Secure-refresh"]) expect(await findCookie(context, name), name).toBeUndefined();
  // Revoking touches no user data: Alice is still an enabled user.
  const users = (await (await request.get("/api/admin/users", { headers: inLab(lab.cookie, { authorization: `Bearer ${await adminToken(request, lab.cookie)}` }) })).json()) as { users: { email: string; role: string; disabled: boolean }[] };
  expect(users.users.find((u) => u.email === DEMO.alice.email)).toMatchObject({ role: "user", disabled: false });
  await scenario.screenshot("admin-revokes-user");
});
