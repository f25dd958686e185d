import { expect, test } from "@playwright/test";
import { adminToken, COOKIE, cookieHeader, DEMO, expectError, jwtLogin, register, sessionLogin, setCookies } from "../fixtures/api";

test.describe("Admin API: roles are checked on every request", () => {
  test("a user is refused, an admin can list, promote, revoke and disable", async ({ request }) => {
    const user = await register(request);
    const userJwt = await jwtLogin(request, user);
    await expectError(await request.get("/api/admin/users", { headers: { authorization: `Bearer ${userJwt.accessToken}` } }), 403, "FORBIDDEN");
    await expectError(await request.get("/api/admin/users"), 401, "UNAUTHENTICATED");

    const admin = { authorization: `Bearer ${await adminToken(request)}` };
    const list = (await (await request.get("/api/admin/users", { headers: admin })).json()) as { users: { email: string; passwordHash?: string }[] };
    expect(list.users.map((u) => u.email)).toEqual(expect.arrayContaining([DEMO.alice.email, DEMO.admin.email, user.email]));
    expect(list.users.every((u) => u.passwordHash === undefined)).toBe(true);

    // Promote: the session sees it on the next request; the JWT keeps its stale role until refresh.
    const { seal } = await sessionLogin(request, user);
    expect((await request.patch(`/api/admin/users/${user.id}`, { data: { role: "admin" }, headers: admin })).status()).toBe(200);
    const viaSession = (await (await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: seal }) } })).json()) as { user: { role: string } };
    expect(viaSession.user.role).toBe("admin");
    const viaJwt = (await (await request.get("/api/me", { headers: { authorization: `Bearer ${userJwt.accessToken}` } })).json()) as { user: { role: string } };
    expect(viaJwt.user.role).toBe("user");
    const refreshed = (await (await request.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: userJwt.refresh }) } })).json()) as { user: { role: string } };
    expect(refreshed.user.role).toBe("admin");

    // Revoke: every session and refresh family dies; a fresh login still works.
    const again = await jwtLogin(request, user);
    const revoke = await request.post(`/api/admin/users/${user.id}/revoke`, { headers: admin });
    expect(revoke.status()).toBe(200);
    await expectError(await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: seal }) } }), 401, "SESSION_NOT_FOUND");
    await expectError(await request.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: again.refresh }) } }), 401, "REFRESH_TOKEN_REVOKED");

    // Disable: no login at all, and what was left dies.
    const last = await sessionLogin(request, user);
    expect((await request.patch(`/api/admin/users/${user.id}`, { data: { disabled: true }, headers: admin })).status()).toBe(200);
    await expectError(await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: last.seal }) } }), 401, "SESSION_NOT_FOUND");
    await expectError(await request.post("/api/auth/session/login", { data: { email: user.email, password: user.password } }), 401, "USER_DISABLED");
  });

  test("settings: anyone reads, only an admin writes, bounds are enforced", async ({ request }) => {
    const settings = (await (await request.get("/api/settings")).json()) as { settings: Record<string, unknown> };
    expect(settings.settings).toMatchObject({ accessTtlSeconds: expect.any(Number), denylistEnabled: expect.any(Boolean) });
    const user = await jwtLogin(request, await register(request));
    await expectError(await request.patch("/api/settings", { data: { accessTtlSeconds: 60 }, headers: { authorization: `Bearer ${user.accessToken}` } }), 403, "FORBIDDEN");
    const admin = { authorization: `Bearer ${await adminToken(request)}` };
    await expectError(await request.patch("/api/settings", { data: { accessTtlSeconds: 1 }, headers: admin }), 400, "VALIDATION_FAILED");
    await expectError(await request.patch("/api/settings", { data: { unknownSetting: true }, headers: admin }), 400, "VALIDATION_FAILED");
  });
});

test.describe("Mode switch and inspection", () => {
  test("PUT /api/mode sets the mode cookie; bad modes are refused", async ({ request }) => {
    const res = await request.put("/api/mode", { data: { mode: "jwt" } });
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ mode: "jwt" });
    expect(setCookies(res).find((c) => c.name === COOKIE.mode)?.value).toBe("jwt");
    await expectError(await request.put("/api/mode", { data: { mode: "kerberos" } }), 400, "VALIDATION_FAILED");
  });

  test("the mode cookie picks the strategy for /api/me; ?mode= overrides it", async ({ request }) => {
    const user = await register(request);
    const { seal } = await sessionLogin(request, user);
    const cookie = cookieHeader({ [COOKIE.session]: seal, [COOKIE.mode]: "jwt" });
    await expectError(await request.get("/api/me", { headers: { cookie } }), 401, "UNAUTHENTICATED");
    expect((await request.get("/api/me?mode=session", { headers: { cookie } })).status()).toBe(200);
  });

  test("GET /api/inspect decodes the JWT and unseals the session server-side without exposing the token", async ({ request }) => {
    const user = await register(request);
    const { seal } = await sessionLogin(request, user);
    const { accessToken } = await jwtLogin(request, user);
    const res = await request.get("/api/inspect", { headers: { cookie: cookieHeader({ [COOKIE.session]: seal, [COOKIE.access]: accessToken }) } });
    expect(res.status()).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as { cookies: Record<string, { sent: boolean; decoded: Record<string, unknown> | null; attributes?: Record<string, unknown> }> };
    expect(body.cookies[COOKIE.session]!.decoded).toMatchObject({ unsealed: true, record: expect.any(Object) });
    expect(body.cookies[COOKIE.access]!.decoded).toMatchObject({ header: { alg: "HS256" }, payload: { sub: user.id }, verification: { ok: true } });
    expect(body.cookies[COOKIE.refresh]!.sent).toBe(false);
    expect(body.cookies[COOKIE.refresh]!.attributes).toMatchObject({ path: "/api/auth/jwt", sameSite: "strict", httpOnly: true });
    expect(text).not.toContain(seal);
  });
});

test.describe("Cross-origin protection (Go 1.25 CrossOriginProtection semantics)", () => {
  test("a cross-site POST is refused, login CSRF included", async ({ request }) => {
    await expectError(await request.post("/api/auth/session/login", { data: DEMO.alice, headers: { "sec-fetch-site": "cross-site", origin: "http://evil.example" } }), 403, "CROSS_ORIGIN_REQUEST");
    await expectError(await request.post("/api/auth/session/login", { data: DEMO.alice, headers: { origin: "http://evil.example" } }), 403, "CROSS_ORIGIN_REQUEST");
    const user = await register(request);
    const { seal } = await sessionLogin(request, user);
    await expectError(
      await request.post("/api/auth/session/logout", { headers: { cookie: cookieHeader({ [COOKIE.session]: seal }), "sec-fetch-site": "same-site" } }),
      403,
      "CROSS_ORIGIN_REQUEST",
    );
    // The refused logout changed nothing.
    expect((await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: seal }) } })).status()).toBe(200);
  });

  test("same-origin browsers and non-browser clients pass", async ({ request, baseURL }) => {
    expect((await request.post("/api/auth/session/login", { data: DEMO.alice, headers: { "sec-fetch-site": "same-origin" } })).status()).toBe(200);
    expect((await request.post("/api/auth/session/login", { data: DEMO.alice, headers: { origin: baseURL! } })).status()).toBe(200);
    expect((await request.post("/api/auth/session/login", { data: DEMO.alice })).status()).toBe(200);
  });
});
