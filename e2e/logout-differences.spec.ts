import { expect, test } from "./fixtures/test";
import { type BrowserContext } from "@playwright/test";
import { DEMO, expectError, inLab, labCookie, withSettings } from "./fixtures/api";
import { DashboardPage, LoginPage } from "./fixtures/pages";

async function cookie(context: BrowserContext, name: string) {
  const found = (await context.cookies()).find((c) => c.name === name);
  expect(found, `the browser should hold ${name}`).toBeDefined();
  return found!;
}

/**
 * The classic lesson. Log in, copy the credential the browser holds, log out, replay the copy.
 * A session dies at logout because the server deletes its record. A JWT lives until its `exp`
 * because nothing on the server remembers it — unless a denylist makes it stateful again.
 */
test.describe("Logout differences: what a copied credential is worth after logout", () => {
  test("session: the copied cookie is dead the moment the user logs out", async ({ page, context, request }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(DEMO.alice.email, DEMO.alice.password, "session");
    await new DashboardPage(page).expectSignedIn(DEMO.alice.email, "user", "session");

    const session = await cookie(context, "__Host-session");
    // HttpOnly: page scripts cannot read it. Secure + __Host-: HTTPS only (localhost counts), Path=/, no Domain.
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("__Host-session");

    // The copy is replayed from outside the browser, in the browser's lab.
    const replay = inLab(await labCookie(context), { cookie: `__Host-session=${session.value}` });
    expect((await request.get("/api/me?mode=session", { headers: replay })).status()).toBe(200);

    await new DashboardPage(page).logOut();
    expect((await context.cookies()).map((c) => c.name)).not.toContain("__Host-session");
    await expectError(await request.get("/api/me?mode=session", { headers: replay }), 401, "SESSION_NOT_FOUND");
  });

  test("JWT: the copied access token still works after logout, until exp; the refresh token does not", async ({ page, context, request }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(DEMO.alice.email, DEMO.alice.password, "jwt");
    await new DashboardPage(page).expectSignedIn(DEMO.alice.email, "user", "jwt");

    const access = await cookie(context, "__Host-access");
    const refresh = await cookie(context, "__Secure-refresh");
    expect(access).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    // Scoped to the JWT auth endpoints and never sent cross-site.
    expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict", path: "/api/auth/jwt" });

    await new DashboardPage(page).logOut();
    expect((await context.cookies()).map((c) => c.name)).not.toEqual(expect.arrayContaining(["__Host-access"]));

    const lab = await labCookie(context);
    const replay = await request.get("/api/me", { headers: inLab(lab, { authorization: `Bearer ${access.value}` }) });
    expect(replay.status()).toBe(200);
    const { credential } = (await replay.json()) as { credential: { expiresAt: string } };
    // The exposure window: the token keeps working until exp, which is still in the future.
    expect(Date.parse(credential.expiresAt)).toBeGreaterThan(Date.now());

    await expectError(await request.post("/api/auth/jwt/refresh", { headers: inLab(lab, { cookie: `__Secure-refresh=${refresh.value}` }) }), 401, "REFRESH_TOKEN_REVOKED");
  });

  test("JWT with the denylist on: logout puts the jti on the list and the copy dies at once", async ({ page, context, request }) => {
    const login = new LoginPage(page);
    await login.goto();
    const lab = await labCookie(context);
    // The denylist is a setting of this browser's own lab: nobody else's requests pay for it.
    const restore = await withSettings(request, { denylistEnabled: true }, lab);
    try {
      await login.logIn(DEMO.alice.email, DEMO.alice.password, "jwt");
      await new DashboardPage(page).expectSignedIn(DEMO.alice.email, "user", "jwt");
      const access = await cookie(context, "__Host-access");

      const before = (await (await request.get("/api/me", { headers: inLab(lab, { authorization: `Bearer ${access.value}` }) })).json()) as { trace: { storeQueries: number } };
      // The price: a store lookup on every request, as with sessions.
      expect(before.trace.storeQueries).toBe(1);

      await new DashboardPage(page).logOut();
      await expectError(await request.get("/api/me", { headers: inLab(lab, { authorization: `Bearer ${access.value}` }) }), 401, "TOKEN_REVOKED");
    } finally {
      await restore();
    }
  });
});
