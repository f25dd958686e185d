import { expect, test } from "./fixtures/test";
import { COOKIE, withSettings } from "./fixtures/api";
import { LabPage } from "./fixtures/lab";

/**
 * The lab's home page: two strategies, one browser. A session request costs a store lookup; a JWT
 * request costs a signature check and nothing else — and the page shows both from the server's trace.
 */
test.describe("The lab, side by side", () => {
  test("both panes sign in at once; the session request reads the store, the JWT request does not", async ({ page, context }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("session");
    await lab.logInAsAlice("jwt");

    await lab.press("session", "Call the protected API");
    await expect(lab.last("session")).toHaveText("Last: Call the protected API: 200");
    await lab.press("jwt", "Call the protected API");
    await expect(lab.last("jwt")).toHaveText("Last: Call the protected API: 200");

    const sessionFlow = lab.latest("session").getByTestId("request-flow");
    const jwtFlow = lab.latest("jwt").getByTestId("request-flow");
    await expect(sessionFlow).toContainText("GET /api/me?mode=session");
    await expect(jwtFlow).toContainText("GET /api/me?mode=jwt");
    expect(Number(await sessionFlow.getByTestId("flow-store-queries").textContent())).toBeGreaterThanOrEqual(1);
    await expect(jwtFlow.getByTestId("flow-store-queries")).toHaveText("0");
    await expect(sessionFlow.locator("[data-step=unseal]")).toBeVisible();
    await expect(jwtFlow.locator('[data-lane="store"]')).toContainText("not contacted");

    const cookies = await context.cookies();
    const byName = new Map(cookies.map((c) => [c.name, c]));
    expect(byName.get(COOKIE.session)?.httpOnly).toBe(true);
    expect(byName.get(COOKIE.access)?.httpOnly).toBe(true);
    expect(byName.get(COOKIE.refresh)?.path).toBe("/api/auth/jwt");
    expect(byName.get(COOKIE.refresh)?.sameSite).toBe("Strict");
  });

  test("the inspector decodes the JWT, shows the seal as opaque, and document.cookie cannot see either", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("session");
    await lab.logInAsAlice("jwt");

    const payload = lab.jwt.getByRole("region", { name: "JWT payload" }).first();
    await expect(payload.locator("[data-claim=role]")).toContainText('"user"');
    await expect(payload.locator("[data-claim=jti]")).toContainText("denylist");
    await expect(lab.jwt.getByRole("region", { name: "JWT header" }).first().locator("[data-claim=alg]")).toContainText("HS256");

    const seal = lab.session.getByTestId("session-seal");
    await expect(seal.getByRole("region", { name: "What the browser holds" })).toContainText("opaque seal");
    await expect(seal.getByRole("region", { name: "What the server holds" })).toContainText("alice@example.com · role user");

    for (const pane of [lab.session, lab.jwt]) {
      const visible = await pane.getByTestId("document-cookie").textContent();
      expect(visible).not.toContain(COOKIE.session);
      expect(visible).not.toContain(COOKIE.access);
      expect(visible).not.toContain(COOKIE.refresh);
    }
  });

  test("logging out: the session record is deleted, the refresh family revoked, both panes signed out", async ({ page, context }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await lab.logInAsAlice("session");
    await lab.logInAsAlice("jwt");
    const idPrefix = (await lab.session.getByTestId("session-id-prefix").textContent()) ?? "";
    expect(idPrefix).toMatch(/^[0-9a-f]{12}$/);
    const row = lab.serverState().locator(`[data-session="${idPrefix}"]`);
    await expect(row).toHaveCount(1);

    // JWT first: the session pane still proves who we are, so the server state stays visible to us.
    await lab.press("jwt", "Log out");
    await expect(lab.last("jwt")).toHaveText("Last: Log out: 204");
    await expect(lab.jwt.getByRole("status", { name: "JWT state" })).toContainText("Not signed in");
    // Families are listed newest first: the one this login created is now revoked.
    await expect(lab.serverState().locator("[data-family]").first()).toContainText("revoked (");

    await lab.press("session", "Log out");
    await expect(lab.last("session")).toHaveText("Last: Log out: 204");
    await expect(lab.session.getByRole("status", { name: "Session state" })).toContainText("Not signed in");
    await expect(row).toHaveCount(0);
    const names = (await context.cookies()).map((c) => c.name);
    expect(names).not.toContain(COOKIE.session);
    expect(names).not.toContain(COOKIE.access);
    expect(names).not.toContain(COOKIE.refresh);
  });

  test("with the access token kept in memory the JWT pane sends a Bearer header and no access cookie exists", async ({ page, context }) => {
    const restore = await withSettings(page.request, { jwtStorage: "memory" });
    try {
      const lab = new LabPage(page);
      await lab.goto();
      await expect(lab.jwt).toContainText("kept in page memory");
      await lab.logInAsAlice("jwt");
      await lab.press("jwt", "Call the protected API");
      await expect(lab.last("jwt")).toHaveText("Last: Call the protected API: 200");
      await expect(lab.latest("jwt").locator('[data-lane="browser"]')).toContainText("Authorization: Bearer");
      await expect(lab.jwt.getByText("Authorization: Bearer …")).toBeVisible();

      const names = (await context.cookies()).map((c) => c.name);
      expect(names).not.toContain(COOKIE.access);
      expect(names).toContain(COOKIE.refresh);

      // Refresh still works: the refresh cookie travels, the new access token comes back in the body only.
      await lab.press("jwt", "Refresh the token");
      await expect(lab.last("jwt")).toHaveText("Last: Refresh the access token: 200");
      expect((await context.cookies()).map((c) => c.name)).not.toContain(COOKIE.access);
    } finally {
      await restore();
    }
  });

  test("a scenario run on the lab page draws its requests in the history as they happen", async ({ page }) => {
    const lab = new LabPage(page);
    await lab.goto();
    await page.getByRole("button", { name: "Run: Session fixation" }).click();
    const progress = page.getByRole("status", { name: "Scenario progress" });
    await expect(progress).toHaveText(/^Finished/, { timeout: 45_000 });
    await expect(page.getByRole("region", { name: "Session verdict" })).toBeVisible();
    const history = page.getByRole("list", { name: "Requests, newest first" });
    await expect(history.getByRole("listitem").first()).toBeVisible();
    expect(await history.getByRole("listitem").count()).toBeGreaterThanOrEqual(4);
    // The requests are the scenario's own, drawn with the server's trace.
    await expect(history.getByRole("button", { name: /Log in as alice@example.com/ }).first()).toBeVisible();
    // A replay is a relay: the history shows what the replayed copy itself got (the pre-login session is dead).
    await expect(history.getByRole("button", { name: /Replay the copied session credential.*401 \S+ via 200/ })).toBeVisible();
  });
});
