import { expect, test } from "./fixtures/test";
import { LabPage } from "./fixtures/lab";

/**
 * A second service with no database and no session store can only check signatures against keys
 * AuthLab publishes. A session cookie means nothing there; an HS256 token cannot be checked there
 * either, because its key is a shared secret that is never published (ES256/EdDSA tokens verify:
 * scripts/verifier-service.test.ts).
 */
test("the second service cannot resolve a session cookie, and cannot check an HS256 token without its secret", async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  await lab.logInAsAlice("session");
  await lab.logInAsAlice("jwt");

  const panel = await lab.openPanel("A second service");
  await panel.getByRole("button", { name: "Send the session cookie to the second service" }).click();
  await expect(panel.getByTestId("second-service-session")).toContainText("401 SESSION_NOT_VERIFIABLE");
  await expect(panel.getByTestId("second-service-session")).toContainText("no session store");

  await panel.getByRole("button", { name: "Send the JWT to the second service" }).click();
  await expect(panel.getByTestId("second-service-jwt")).toContainText("401 TOKEN_ALG_NOT_ALLOWED");
  await expect(panel.getByTestId("second-service-jwt")).toContainText("accepts only ES256 and EdDSA");
});
