import { expect, test } from "./fixtures/test";
import { findCookie, ScenarioPage } from "./scenarios/scenario-page";

/**
 * Expiry, with the demo clock instead of waiting. The JWT expires after its lifetime and is renewed
 * by its refresh token; the session dies when idle too long and, however active, at its absolute
 * lifetime. The clock goes back to real time afterwards.
 */
test("expiry: access lifetime, idle timeout, and the absolute timeout even with activity", async ({ page, context }) => {
  const scenario = new ScenarioPage(page);
  await scenario.goto("expiry", "Expiry");
  await scenario.run();

  // Defaults: access 15 min, idle 30 min, absolute 8 h.
  await scenario.expectRow("Move the clock forward 16 min", { strategy: "Lab", status: "200" });
  await scenario.expectRow("Call the protected API (JWT), 16 min after login", { strategy: "JWT", status: "401", code: "TOKEN_EXPIRED", storeQueries: "0" });
  await scenario.expectRow("Call the protected API (session), 16 min after login", { strategy: "Session", status: "200" });
  await scenario.expectRow("Refresh the expired JWT", { status: "200" });
  await scenario.expectRow("Call the protected API with the new token", { status: "200" });
  await scenario.expectRow("Call the protected API (session) after 31 min without a request", { status: "401", code: "SESSION_IDLE_TIMEOUT" });
  await scenario.expectRow("Refresh the JWT after 31 min without a request", { status: "200" });
  await scenario.expectRow(/^Stay active: move the clock 29 min and call the API, 16 times$/, { status: "32 × 200" });
  await scenario.expectRow("Call the protected API (session) past the absolute lifetime", { status: "401", code: "SESSION_ABSOLUTE_TIMEOUT" });
  await scenario.expectRow("Refresh the JWT, 8 h later", { status: "200" });
  await scenario.expectRow("Put the demo clock back on real time", { strategy: "Lab", status: "200" });
  await scenario.expectCleanedUp();

  await expect(scenario.verdict("Session")).toContainText("Idle and absolute timeouts enforced");
  await expect(scenario.verdict("JWT")).toContainText("Expires after 15 min, refresh renews it");

  const clock = (await (await page.request.get("/api/demo/clock")).json()) as { offsetMs: number };
  expect(clock.offsetMs, "the demo clock is back on real time").toBe(0);
  for (const name of ["__Host-session", "__Host-access", "__Secure-refresh"]) expect(await findCookie(context, name), name).toBeUndefined();
  await scenario.screenshot("expiry");
});
