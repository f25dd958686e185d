import { expect, test } from "./fixtures/test";
import { findCookie, ScenarioPage } from "./scenarios/scenario-page";

/**
 * Tampering. Anyone can edit a JWT's payload — it is only base64url — but not re-sign it; alg: none
 * is not an algorithm the server accepts; and a seal with one character flipped fails its HMAC.
 */
test.describe("Tampering: forged credentials are refused with 401", () => {
  test("role: admin with the old signature, alg: none, and a flipped seal character are all refused; the bad seal is cleared", async ({ page, context }) => {
    const scenario = new ScenarioPage(page);
    await scenario.goto("tampering", "Tampering");
    await scenario.run();

    await scenario.expectRow("Send the token as issued", { strategy: "JWT", status: "200" });
    const edited = await scenario.expectRow("Send the token with its payload edited to role: admin", { strategy: "JWT", status: "401", code: "TOKEN_SIGNATURE_INVALID" });
    await expect(edited).toContainText('role: "admin"');
    await scenario.expectRow("Send an unsigned token: alg none, role: admin, no signature", { status: "401", code: "TOKEN_ALG_NOT_ALLOWED" });
    await scenario.expectRow("Flip one character of the session cookie's seal", { strategy: "Session", status: "200" });
    await scenario.expectRow("Call the protected API with the tampered seal", { status: "401", code: "SESSION_INVALID", says: "clears the cookie" });
    await scenario.expectRow("Look at what the browser sends now", { status: "200", says: "no longer sends __Host-session" });

    await expect(scenario.verdict("Session")).toContainText("Tampered seal refused");
    await expect(scenario.verdict("JWT")).toContainText("Every forgery refused");

    expect(await findCookie(context, "__Host-session"), "the tampered seal was cleared").toBeUndefined();
    expect(await findCookie(context, "__Host-access"), "the JWT stays logged in").toBeDefined();
    await scenario.screenshot("tampering");
  });

  test("a learner edits the payload by hand and sends it", async ({ page }) => {
    await page.goto("/scenarios/tampering");
    await page.getByRole("button", { name: "Get a token for alice@example.com" }).click();
    const payload = page.getByLabel("Payload (JSON, editable)");
    await expect(payload).toHaveValue(/"role": "user"/);
    const result = page.getByRole("status", { name: "Edited token result" });

    // Unchanged, it verifies: the editor sends real tokens.
    await page.getByRole("button", { name: "Send the edited token" }).click();
    await expect(result).toContainText("200 — accepted, role user");

    await payload.fill((await payload.inputValue()).replace('"role": "user"', '"role": "admin"'));
    await page.getByRole("button", { name: "Send the edited token" }).click();
    await expect(result).toContainText("401 TOKEN_SIGNATURE_INVALID — refused");
    await page.getByRole("button", { name: "Send it unsigned (alg: none)" }).click();
    await expect(result).toContainText("401 TOKEN_ALG_NOT_ALLOWED — refused");

    await payload.fill("{ not json");
    await page.getByRole("button", { name: "Send the edited token" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Not valid JSON" })).toBeVisible();
  });
});
