import { expect, test } from "./fixtures/test";
import { OPERATOR_TOKEN } from "./fixtures/api";
import { LabPage } from "./fixtures/lab";

/**
 * Where sessions live is a choice with consequences: the lab shows each store's health and lets the
 * operator move new sessions to another store — after which the old cookies find nothing. The store
 * is the server's, shared by every lab, so a lab's demo admin cannot switch it: the operator's token can.
 */
test("the store panel shows store health and switching the session store strands existing sessions until switched back", async ({ page }) => {
  const lab = new LabPage(page);
  await lab.goto();
  const panel = await lab.openPanel("Stores");
  await expect(panel.getByTestId("store-health-session")).toHaveText("✓ up");
  await expect(panel.getByTestId("store-health-database")).toHaveText("✓ up");
  await expect(panel.getByTestId("active-session-store")).toHaveText("database");

  await lab.logInAsAlice("session");
  await panel.getByRole("button", { name: "Sessions in memory" }).click();
  await expect(panel.getByTestId("store-switch-message")).toHaveText("Switch refused: 401 OPERATOR_REQUIRED");
  await expect(panel.getByTestId("active-session-store")).toHaveText("database");

  await panel.getByLabel("Operator token").fill(OPERATOR_TOKEN);
  try {
    await panel.getByRole("button", { name: "Sessions in memory" }).click();
    await expect(panel.getByTestId("store-switch-message")).toHaveText("New sessions now go to the memory store.");
    await expect(panel.getByTestId("active-session-store")).toHaveText("memory");

    // The session was created in the database store; the memory store has never heard of it.
    await lab.press("session", "Call the protected API");
    await expect(lab.last("session")).toHaveText("Last: Call the protected API: 401 SESSION_NOT_FOUND");
    await expect(lab.latest("session").locator("[data-step=session-lookup]")).toContainText("memory store");
  } finally {
    await panel.getByRole("button", { name: "Sessions in database" }).click();
    await expect(panel.getByTestId("active-session-store")).toHaveText("database");
  }
});
