import { expect, test } from "./fixtures/test";
import { PEER, withServerSettings } from "./fixtures/api";
import { LabPage } from "./fixtures/lab";

/**
 * The cost claims are measured on this server, not asserted: a few hundred real requests per
 * strategy, each compared with the unauthenticated route in the same run. And every page says which
 * instance served it and when that process started.
 */
test.describe("Measured, and served by a named instance", () => {
  test("the measure button runs real requests per strategy and shows throughput relative to the unauthenticated route", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    const panel = await lab.openPanel("Measure: lookup overhead vs verify cost");
    await panel.getByRole("button", { name: "Measure" }).click();
    const result = panel.getByTestId("measure-result");
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result.locator("[data-case=unauthenticated]")).toBeVisible();
    await expect(result.getByTestId("ratio-unauthenticated")).toHaveText("1.00");
    const names = await result.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-case")));
    expect(names.some((n) => n?.startsWith("session"))).toBe(true);
    expect(names.some((n) => n?.startsWith("jwt"))).toBe(true);
    for (const name of names) {
      const ratio = Number(await result.getByTestId(`ratio-${name}`).textContent());
      expect(ratio, `ratio of ${name}`).toBeGreaterThan(0);
    }
  });

  test("the lab names the instance that answered and when it started", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    const panel = await lab.openPanel("Instances");
    await expect(panel.getByTestId("this-instance")).toHaveText(/^e2e-\d+$/);
    await expect(panel.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await expect(panel).toContainText(`Other instance ${PEER}`);
  });

  test("the same credentials sent to another instance: a shared store and a JWT are accepted there, a memory session is not", async ({ page, request }) => {
    await expect.poll(async () => (await request.get(`${PEER}/api/ping`).catch(() => null))?.status(), { timeout: 30_000 }).toBe(200);
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("session");
    await lab.logInAsAlice("jwt");
    const panel = await lab.openPanel("Instances");
    const peerId = `e2e-peer-${new URL(PEER).port}`;

    // Sessions in the database every instance shares: the other instance finds the record.
    await panel.getByRole("button", { name: `Send my session cookie to ${PEER}` }).click();
    await expect(panel.getByTestId("peer-session")).toHaveText(`200 — accepted there (served by ${peerId})`);
    // A JWT needs no store at all: the other instance verifies the signature with the shared key.
    await panel.getByRole("button", { name: `Send my JWT to ${PEER}` }).click();
    await expect(panel.getByTestId("peer-jwt")).toHaveText(`200 — accepted there (served by ${peerId})`);

    // Sessions in one process's memory: the other instance has never heard of this one.
    const restore = await withServerSettings(request, { sessionStore: "memory" });
    try {
      await lab.press("session", "Log out");
      await expect(lab.session.getByRole("status", { name: "Session state" })).toContainText("Not signed in");
      await lab.logInAsAlice("session");
      await expect(lab.last("session")).toHaveText(/^Last: .*: 200$/);
      await panel.getByRole("button", { name: `Send my session cookie to ${PEER}` }).click();
      await expect(panel.getByTestId("peer-session")).toHaveText(`401 SESSION_NOT_FOUND (served by ${peerId})`);
      // The same words as before, so wait for this click's own relay rather than read the old line.
      const relayed = page.waitForResponse((r) => r.url().endsWith("/api/lab/other-instance"));
      await panel.getByRole("button", { name: `Send my JWT to ${PEER}` }).click();
      expect(((await (await relayed).json()) as { status: number }).status).toBe(200);
      await expect(panel.getByTestId("peer-jwt")).toHaveText(`200 — accepted there (served by ${peerId})`);
    } finally {
      await restore();
    }
  });
});
