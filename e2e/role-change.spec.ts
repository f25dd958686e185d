import { expect, test } from "./fixtures/test";
import { decodeJwt } from "jose";
import { adminToken, DEMO, inLab } from "./fixtures/api";
import { findCookie, ScenarioPage } from "./scenarios/scenario-page";

/**
 * Role change. The session reads the role from the database on every request; the JWT carries it in
 * its signed payload, so it keeps the stale role until a refresh — in both directions.
 */
test("role change: the session sees it at once, the JWT keeps the stale role until refresh", async ({ page, context, request, lab }) => {
  const scenario = new ScenarioPage(page);
  await scenario.goto("role-change", "Role change");
  await scenario.run();

  await scenario.expectRow(`Change ${DEMO.alice.email}'s role to admin`, { status: "200" });
  await scenario.expectRow("Call the protected API (session) after the promotion", { strategy: "Session", status: "200", says: "role admin at once" });
  const stale = await scenario.expectRow("Call the protected API (JWT) after the promotion", { strategy: "JWT", status: "200", says: "still says role user" });
  await expect(stale).toContainText('role: "user"');
  await scenario.expectRow("Refresh the JWT after the promotion", { status: "200", says: 'role: "admin"' });
  await scenario.expectRow("Call the protected API (JWT) after the refresh", { status: "200", says: "Now role admin" });

  await scenario.expectRow(`Change ${DEMO.alice.email}'s role to user`, { status: "200" });
  await scenario.expectRow("Call the protected API (session) after the demotion", { status: "200", says: "role user at once" });
  await scenario.expectRow("Call the protected API (JWT) after the demotion", { status: "200", says: "still says role admin" });
  await scenario.expectRow("Call the protected API (JWT) after the second refresh", { status: "200", says: "Back to role user" });
  await scenario.expectCleanedUp();

  await expect(scenario.verdict("Session")).toContainText("Sees each change at once");
  await expect(scenario.verdict("JWT")).toContainText("Stale role until refresh");

  // No stale admin token left behind: the JWT the browser holds now says role user, and so does the database.
  const access = await findCookie(context, "__Host-access");
  expect(access, "the browser keeps its (refreshed) access cookie").toBeDefined();
  expect(decodeJwt(access!.value)).toMatchObject({ role: "user", email: DEMO.alice.email });
  expect(await findCookie(context, "__Host-session")).toBeDefined();
  const users = (await (await request.get("/api/admin/users", { headers: inLab(lab.cookie, { authorization: `Bearer ${await adminToken(request, lab.cookie)}` }) })).json()) as { users: { email: string; role: string }[] };
  expect(users.users.find((u) => u.email === DEMO.alice.email)?.role).toBe("user");
  await scenario.screenshot("role-change");
});
