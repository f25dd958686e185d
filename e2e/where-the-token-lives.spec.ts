import { expect, test } from "./fixtures/test";
import { findCookie, ScenarioPage } from "./scenarios/scenario-page";

/**
 * Where the token lives. An injected script reads what page JavaScript can read: nothing from an
 * HttpOnly cookie, nothing at rest from memory (but the header in flight), and the whole token from
 * localStorage — and it can always act as the user while it runs.
 */
test("where the token lives: HttpOnly cookie and memory hide it, localStorage hands it over", async ({ page, context }) => {
  const scenario = new ScenarioPage(page);
  await scenario.goto("where-the-token-lives", "Where the token lives");
  await scenario.run();

  const sessionRead = await scenario.expectRow("Read document.cookie and localStorage (session in an HttpOnly cookie)", { strategy: "Session", says: "Nothing to steal" });
  await expect(sessionRead).toContainText('document.cookie → ""');
  await scenario.expectRow("The script calls the API itself, riding on the session cookie", { strategy: "Session", status: "200", says: "can ride on it" });
  await scenario.expectRow("Read document.cookie and localStorage (access token in an HttpOnly cookie)", { strategy: "JWT", says: "Nothing to steal" });
  await scenario.expectRow("The script calls the API itself, riding on the access cookie", { strategy: "JWT", status: "200" });
  await scenario.expectRow("Read document.cookie and localStorage (access token in a JavaScript variable)", { strategy: "JWT", says: "Nothing to steal" });
  const caught = await scenario.expectRow("Caught the Authorization header in flight", { strategy: "JWT" });
  await expect(caught).toContainText("Authorization: Bearer eyJ");
  await scenario.expectRow("Read document.cookie and localStorage (access token in localStorage)", { strategy: "JWT", says: 'Stolen: localStorage["authlab.accessToken"]' });
  await scenario.expectRow("The attacker uses the stolen token from their own machine", { status: "200" });
  await scenario.expectCleanedUp();

  await expect(scenario.verdict("Session")).toContainText("Unreadable — but usable");
  await expect(scenario.verdict("JWT")).toContainText("localStorage: stolen");

  // What the page really sees: HttpOnly cookies are invisible to document.cookie; localStorage was emptied.
  const session = await findCookie(context, "__Host-session");
  expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });
  expect(await page.evaluate(() => document.cookie)).toBe("");
  expect(await page.evaluate(() => window.localStorage.getItem("authlab.accessToken"))).toBeNull();
  expect(await findCookie(context, "__Host-access"), "the JWT ends logged out").toBeUndefined();

  // The injected-script button, by hand: with the session cookie present, still nothing readable…
  const read = page.getByRole("status", { name: "What the injected script read" });
  await page.getByRole("button", { name: "Run the injected script" }).click();
  await expect(read).toContainText("No token readable");
  // …and with a token put in localStorage, the same button finds it.
  await page.evaluate(() => window.localStorage.setItem("authlab.accessToken", "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoidXNlciJ9.c2ln"));
  await page.getByRole("button", { name: "Run the injected script" }).click();
  await expect(read).toContainText('Token found: localStorage["authlab.accessToken"]');
  await page.evaluate(() => window.localStorage.removeItem("authlab.accessToken"));
  await scenario.screenshot("where-the-token-lives");
});
