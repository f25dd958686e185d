import { expect, test } from "./fixtures/test";
import { DEMO, expectError, inLab, labCookie } from "./fixtures/api";
import { findCookie, ScenarioPage } from "./scenarios/scenario-page";

/**
 * Session fixation. Whatever session cookie the browser holds when Alice logs in — one an attacker
 * planted, say — the server issues a new id at login and deletes the old one: the planted id is dead.
 */
test("session fixation: the id changes at login and the pre-login id is dead", async ({ page, context, request }) => {
  // The browser's first visit gives it a lab of its own; then a session cookie in that browser
  // before the scenario's logins: the "planted" one.
  await page.goto("/");
  const lab = await labCookie(context);
  const planted = await page.request.post("/api/auth/session/login", { data: DEMO.alice });
  expect(planted.status()).toBe(200);
  const before = await findCookie(context, "__Host-session");
  expect(before).toBeDefined();

  const scenario = new ScenarioPage(page);
  await scenario.goto("session-fixation", "Session fixation");
  await scenario.run();

  await scenario.expectRow("Alice logs in (session) — the browser sends the old cookie along", { strategy: "Session", status: "200", says: "deleting the pre-login session" });
  const ids = await scenario.expectRow("Compare the session ids: they differ", { strategy: "Session" });
  await expect(ids).toContainText(/before login: [0-9a-f]{12}…\s+after login: {2}[0-9a-f]{12}…/);
  await scenario.expectRow("Replay the pre-login session cookie", { status: "401", code: "SESSION_NOT_FOUND" });
  await scenario.expectRow("Compare the JWT ids (jti): they differ", { strategy: "JWT" });
  await scenario.expectRow("Replay the pre-login access token", { strategy: "JWT", status: "200", says: "never adopts one either" });

  await expect(scenario.verdict("Session")).toContainText("New id at login, old one dead");
  await expect(scenario.verdict("JWT")).toContainText("Fresh token at login, nothing to fix");

  // In the browser: a different session cookie, which works; the one held before is dead.
  const after = await findCookie(context, "__Host-session");
  expect(after?.value).toBeTruthy();
  expect(after!.value).not.toBe(before!.value);
  expect((await request.get("/api/me?mode=session", { headers: inLab(lab, { cookie: `__Host-session=${after!.value}` }) })).status()).toBe(200);
  await expectError(await request.get("/api/me?mode=session", { headers: inLab(lab, { cookie: `__Host-session=${before!.value}` }) }), 401, "SESSION_NOT_FOUND");
  await scenario.screenshot("session-fixation");
});
