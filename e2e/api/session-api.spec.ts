import { expect, test } from "@playwright/test";
import { COOKIE, cookieHeader, expectError, register, sessionLogin, setCookies, uniqueEmail } from "../fixtures/api";

test.describe("Session mode over HTTP: an opaque cookie, a server-side record", () => {
  test("register, log in, /api/me, list sessions, log out — and a replayed cookie is dead at once", async ({ request }) => {
    const user = await register(request);
    const { seal, response } = await sessionLogin(request, user);

    const login = (await response.json()) as { user: { email: string; role: string }; session: { expiresAt: string } };
    expect(login.user).toMatchObject({ email: user.email, role: "user" });
    expect(Date.parse(login.session.expiresAt)).toBeGreaterThan(Date.now());

    const cookie = setCookies(response).find((c) => c.name === COOKIE.session)!;
    expect(cookie.attributes).toMatchObject({ httponly: true, secure: true, samesite: "Lax", path: "/" });
    // The browser holds an iron-session seal, not the session token or any readable data.
    expect(seal.startsWith("Fe26.2*")).toBe(true);

    const headers = { cookie: cookieHeader({ [COOKIE.session]: seal }) };
    const me = await request.get("/api/me?mode=session", { headers });
    expect(me.status()).toBe(200);
    const meBody = (await me.json()) as { user: { email: string }; mode: string; trace: { storeQueries: number; steps: { name: string }[] } };
    expect(meBody.mode).toBe("session");
    expect(meBody.user.email).toBe(user.email);
    // One round trip: the session and its user's current role in one query (SQLite joins them).
    expect(meBody.trace.storeQueries).toBe(1);
    expect(meBody.trace.steps.map((s) => s.name)).toEqual(expect.arrayContaining(["unseal", "session-lookup"]));
    expect(meBody.trace.steps.map((s) => s.name)).not.toContain("user-lookup");
    expect(me.headers()["server-timing"]).toContain("unseal;dur=");

    const list = await request.get("/api/auth/session/sessions", { headers });
    expect(list.status()).toBe(200);
    const sessions = ((await list.json()) as { sessions: { id: string; current: boolean }[] }).sessions;
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.current).toBe(true);

    const logout = await request.post("/api/auth/session/logout", { headers });
    expect(logout.status()).toBe(204);
    const cleared = setCookies(logout).find((c) => c.name === COOKIE.session)!;
    expect(cleared.attributes["max-age"]).toBe("0");

    await expectError(await request.get("/api/me?mode=session", { headers }), 401, "SESSION_NOT_FOUND");
  });

  test("a fresh session id at every login: the pre-login cookie is dead (fixation defence)", async ({ request }) => {
    const user = await register(request);
    const first = await sessionLogin(request, user);
    const second = await request.post("/api/auth/session/login", { data: { email: user.email, password: user.password }, headers: { cookie: cookieHeader({ [COOKIE.session]: first.seal }) } });
    expect(second.status()).toBe(200);
    await expectError(await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: first.seal }) } }), 401, "SESSION_NOT_FOUND");
  });

  test("revoke one session, then log out everywhere", async ({ request }) => {
    const user = await register(request);
    const laptop = await sessionLogin(request, user);
    const phone = await sessionLogin(request, user);
    const tablet = await sessionLogin(request, user);
    const asLaptop = { cookie: cookieHeader({ [COOKIE.session]: laptop.seal }) };

    const sessions = ((await (await request.get("/api/auth/session/sessions", { headers: asLaptop })).json()) as { sessions: { id: string; current: boolean }[] }).sessions;
    expect(sessions).toHaveLength(3);
    const other = sessions.find((s) => !s.current)!;
    expect((await request.delete(`/api/auth/session/sessions/${other.id}`, { headers: asLaptop })).status()).toBe(204);
    await expectError(await request.delete(`/api/auth/session/sessions/${"0".repeat(64)}`, { headers: asLaptop }), 404, "NOT_FOUND");

    // Exactly one of the other two devices was revoked; the other still works.
    const statuses: number[] = [];
    for (const s of [phone, tablet]) statuses.push((await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: s.seal }) } })).status());
    expect(statuses.sort()).toEqual([200, 401]);

    expect((await request.post("/api/auth/session/logout-all", { headers: asLaptop })).status()).toBe(204);
    for (const s of [laptop, phone, tablet]) {
      await expectError(await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: s.seal }) } }), 401, "SESSION_NOT_FOUND");
    }
  });

  test("a tampered seal is anonymous: 401 and the cookie cleared, never a 500", async ({ request }) => {
    const user = await register(request, uniqueEmail("tamper"));
    const { seal } = await sessionLogin(request, user);
    const flipped = seal.slice(0, 40) + (seal[40] === "A" ? "B" : "A") + seal.slice(41);
    for (const value of [flipped, "garbage", "Fe26.2**", "x".repeat(5000)]) {
      const res = await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: value }) } });
      await expectError(res, 401, "SESSION_INVALID");
      expect(setCookies(res).find((c) => c.name === COOKIE.session)?.attributes["max-age"]).toBe("0");
    }
  });
});
