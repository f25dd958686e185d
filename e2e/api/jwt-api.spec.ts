import { expect, test } from "@playwright/test";
import { advanceClock, COOKIE, cookieHeader, expectError, jwtLogin, register, resetClock, setCookies, withSettings } from "../fixtures/api";

function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;
}

test.describe("JWT mode over HTTP: a signed access token and a rotating refresh token", () => {
  test.afterEach(async ({ request }) => {
    await resetClock(request);
  });

  test("login returns a Bearer token with the documented claims, and cookies with the documented attributes", async ({ request }) => {
    const user = await register(request);
    const { accessToken, response } = await jwtLogin(request, user);
    const body = (await response.json()) as { tokenType: string; expiresIn: number; user: { email: string } };
    expect(body.tokenType).toBe("Bearer");
    expect(body.expiresIn).toBeGreaterThan(0);

    const header = JSON.parse(Buffer.from(accessToken.split(".")[0]!, "base64url").toString("utf8")) as Record<string, unknown>;
    expect(header).toMatchObject({ alg: "HS256", typ: "at+jwt" });
    expect(typeof header.kid).toBe("string");
    const claims = decodePayload(accessToken);
    expect(claims).toMatchObject({ sub: user.id, role: "user", iss: "authlab", aud: "authlab-api" });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(body.expiresIn);
    expect(typeof claims.jti).toBe("string");

    const cookies = setCookies(response);
    expect(cookies.find((c) => c.name === COOKIE.access)?.attributes).toMatchObject({ httponly: true, secure: true, path: "/", samesite: "Lax" });
    // The refresh cookie only travels to the JWT auth endpoints, and never cross-site.
    expect(cookies.find((c) => c.name === COOKIE.refresh)?.attributes).toMatchObject({ httponly: true, secure: true, path: "/api/auth/jwt", samesite: "Strict" });
  });

  test("authenticating a request does no store lookup; Bearer wins over the cookie", async ({ request }) => {
    const user = await register(request);
    const { accessToken } = await jwtLogin(request, user);
    const me = await request.get("/api/me?mode=jwt", { headers: { authorization: `Bearer ${accessToken}`, cookie: cookieHeader({ [COOKIE.access]: "not-a-token" }) } });
    expect(me.status()).toBe(200);
    const body = (await me.json()) as { user: { id: string }; trace: { storeQueries: number; steps: { name: string }[]; credential: { source: string } } };
    expect(body.user.id).toBe(user.id);
    expect(body.trace.storeQueries).toBe(0);
    expect(body.trace.credential.source).toBe("Authorization");
    expect(body.trace.steps.map((s) => s.name)).toContain("jwt-verify");
  });

  test("refresh rotates: the new pair works, the spent refresh token is refused and revokes the family", async ({ request }) => {
    const restore = await withSettings(request, { refreshGraceSeconds: 0 });
    try {
      const user = await register(request);
      const first = await jwtLogin(request, user);
      const refreshed = await request.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: first.refresh }) } });
      expect(refreshed.status()).toBe(200);
      const second = setCookies(refreshed).find((c) => c.name === COOKIE.refresh)!.value;
      expect(second).not.toBe(first.refresh);

      // The attacker's copy of the first token: reuse is detected and the whole family dies.
      await expectError(await request.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: first.refresh }) } }), 401, "REFRESH_TOKEN_REUSED");
      await expectError(await request.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: second }) } }), 401, "REFRESH_TOKEN_REVOKED");
    } finally {
      await restore();
    }
  });

  test("an expired access token is refused; refresh issues a working one", async ({ request }) => {
    const user = await register(request);
    const { accessToken, refresh } = await jwtLogin(request, user);
    await advanceClock(request, 16 * 60);
    await expectError(await request.get("/api/me?mode=jwt", { headers: { authorization: `Bearer ${accessToken}` } }), 401, "TOKEN_EXPIRED");
    const refreshed = await request.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: refresh }) } });
    expect(refreshed.status()).toBe(200);
    const { accessToken: fresh } = (await refreshed.json()) as { accessToken: string };
    expect((await request.get("/api/me?mode=jwt", { headers: { authorization: `Bearer ${fresh}` } })).status()).toBe(200);
  });

  test("logout revokes the refresh family; the access token lives until exp unless the denylist is on", async ({ request }) => {
    const user = await register(request);
    const { accessToken, refresh } = await jwtLogin(request, user);
    const logout = await request.post("/api/auth/jwt/logout", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: refresh, [COOKIE.access]: accessToken }) } });
    expect(logout.status()).toBe(204);
    expect(setCookies(logout).map((c) => [c.name, c.attributes["max-age"]])).toEqual(expect.arrayContaining([[COOKIE.access, "0"], [COOKIE.refresh, "0"]]));
    expect((await request.get("/api/me?mode=jwt", { headers: { authorization: `Bearer ${accessToken}` } })).status()).toBe(200);
    await expectError(await request.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: refresh }) } }), 401, "REFRESH_TOKEN_REVOKED");

    const restore = await withSettings(request, { denylistEnabled: true });
    try {
      const again = await jwtLogin(request, user);
      expect((await request.post("/api/auth/jwt/logout", { headers: { authorization: `Bearer ${again.accessToken}`, cookie: cookieHeader({ [COOKIE.refresh]: again.refresh }) } })).status()).toBe(204);
      const replay = await request.get("/api/me?mode=jwt", { headers: { authorization: `Bearer ${again.accessToken}` } });
      const body = await expectError(replay, 401, "TOKEN_REVOKED");
      // With the denylist, JWT mode is stateful again: one store lookup per request.
      expect((body.trace as { storeQueries: number }).storeQueries).toBe(1);
    } finally {
      await restore();
    }
  });

  test("GET on refresh or logout is 405: safe methods never change state", async ({ request }) => {
    for (const path of ["/api/auth/jwt/refresh", "/api/auth/jwt/logout", "/api/auth/session/logout"]) {
      await expectError(await request.get(path), 405, "METHOD_NOT_ALLOWED");
    }
  });
});
