import { expect, test } from "./fixtures/test";
import { findCookie, ScenarioPage } from "./scenarios/scenario-page";

/**
 * CSRF. A page on another site (this app on 127.0.0.1 while the lab runs on localhost) submits a
 * forged form to the session's "log out everywhere": SameSite keeps the cookie home and the origin
 * check refuses it. Against a Bearer header a form can do nothing at all: it cannot set headers, a
 * cross-site script is stopped by CORS, and the other site has no token to send.
 */
test("CSRF: a cross-site form is refused; a Bearer header cannot be forged", async ({ page, context }) => {
  const scenario = new ScenarioPage(page);
  await scenario.goto("csrf", "CSRF");
  const popup = context.waitForEvent("page");
  await scenario.run();
  // The attacker's window really was on the other site.
  expect((await popup).url()).toMatch(/^(about:blank|http:\/\/127\.0\.0\.1:\d+\/)/);

  await scenario.expectRow("Auto-submit a forged HTML form to “log out everywhere”", { strategy: "Session", status: "403", code: "CROSS_ORIGIN_REQUEST" });
  const event = await scenario.expectRow("Security event recorded: CROSS_ORIGIN_REFUSED", { strategy: "Session", says: "the origin check refused the request" });
  await expect(event).toContainText("Sec-Fetch-Site: cross-site");
  // Chrome sends "Origin: null" here because the attacker page (served by this app) has Referrer-Policy: same-origin.
  await expect(event).toContainText(/Origin: (null|http:\/\/127\.0\.0\.1:\d+)/);
  await expect(event).toContainText("Cookies the browser attached: none");
  await scenario.expectRow("Alice's next request (session)", { strategy: "Session", status: "200", says: "Still logged in" });
  await scenario.expectRow("An HTML form has no way to set an Authorization header", { strategy: "JWT" });
  await scenario.expectRow("Try fetch() with an Authorization header instead", { strategy: "JWT", says: "Blocked by the browser before it was sent" });
  await scenario.expectRow("Look for Alice's token from the other site", { strategy: "JWT", says: "no token to put in the header" });
  await scenario.expectRow("Alice's next request (JWT, Authorization header)", { strategy: "JWT", status: "200" });
  await scenario.expectCleanedUp();

  await expect(scenario.verdict("Session")).toContainText("Forged form refused");
  await expect(scenario.verdict("Session")).toContainText("403 CROSS_ORIGIN_REQUEST");
  await expect(scenario.verdict("JWT")).toContainText("Cannot be forged");

  // The forged "log out everywhere" changed nothing: the session cookie is still there, and still good.
  expect(await findCookie(context, "__Host-session")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  const me = await page.request.get("/api/me?mode=session");
  expect(me.status()).toBe(200);
  await scenario.screenshot("csrf");
});
