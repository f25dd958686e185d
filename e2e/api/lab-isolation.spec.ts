// Lesson: one server, many labs. Every visitor's lab holds its own users, sessions, tokens,
// settings, clock and events; nothing one lab does reaches another, and a credential of one lab is
// refused in every other (docs/SECURITY.md, "Labs"). Each test makes two fresh labs, A and B, the
// way an API client does (POST /api/labs), and holds every cookie explicitly.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { COOKIE, cookieHeader, cookieValue, DEMO, expectError, inLab, OPERATOR_TOKEN, uniqueEmail } from "../fixtures/api";

interface Lab {
  id: string;
  /** `__Host-lab=…` */
  cookie: string;
}

async function newLab(request: APIRequestContext, headers: Record<string, string> = {}): Promise<Lab> {
  const res = await request.post("/api/labs", { headers });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { lab: { id: string; isDefault: boolean }; cookie: { name: string; value: string } };
  expect(body.lab.isDefault).toBe(false);
  expect(body.cookie.name).toBe(COOKIE.lab);
  // The body's cookie is the one Set-Cookie carries, for clients that keep headers themselves.
  expect(cookieValue(res, COOKIE.lab)).toBe(body.cookie.value);
  return { id: body.lab.id, cookie: `${COOKIE.lab}=${body.cookie.value}` };
}

async function sessionIn(request: APIRequestContext, lab: Lab, user: { email: string; password: string } = DEMO.alice): Promise<string> {
  const res = await request.post("/api/auth/session/login", { data: user, headers: inLab(lab.cookie) });
  expect(res.status()).toBe(200);
  return `${COOKIE.session}=${cookieValue(res, COOKIE.session)}`;
}

async function tokenIn(request: APIRequestContext, lab: Lab, user: { email: string; password: string } = DEMO.alice): Promise<string> {
  const res = await request.post("/api/auth/jwt/login?cookies=none", { data: user, headers: inLab(lab.cookie) });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

function me(request: APIRequestContext, mode: "session" | "jwt", lab: Lab | null, credential: string) {
  const headers: Record<string, string> = mode === "session" ? { cookie: credential } : { authorization: `Bearer ${credential}` };
  return request.get(`/api/me?mode=${mode}`, { headers: inLab(lab?.cookie, headers) });
}

test.describe("Labs: one server, nothing shared", () => {
  let a: Lab;
  let b: Lab;

  test.beforeEach(async ({ request }) => {
    a = await newLab(request);
    b = await newLab(request);
    expect(a.id).not.toBe(b.id);
  });

  test("a new lab has its own demo users, default settings and real time", async ({ request }) => {
    const current = await request.get("/api/labs/current", { headers: inLab(a.cookie) });
    expect(current.status()).toBe(200);
    const { lab } = (await current.json()) as { lab: { id: string; isDefault: boolean; expiresAt: string; toolsOpen: boolean } };
    expect(lab).toMatchObject({ id: a.id, isDefault: false, toolsOpen: true });
    expect(Date.parse(lab.expiresAt)).toBeGreaterThan(Date.now());
    expect((await me(request, "session", a, await sessionIn(request, a))).status()).toBe(200);
    const clock = (await (await request.get("/api/demo/clock", { headers: inLab(a.cookie) })).json()) as { labId: string; offsetMs: number; enabled: boolean };
    expect(clock).toMatchObject({ labId: a.id, offsetMs: 0, enabled: true });
  });

  test("lab A's session cookie and JWT are refused in lab B and in the default lab: 401 CREDENTIAL_OTHER_LAB", async ({ request }) => {
    const cookie = await sessionIn(request, a);
    const token = await tokenIn(request, a);
    expect((await me(request, "session", a, cookie)).status()).toBe(200);
    expect((await me(request, "jwt", a, token)).status()).toBe(200);
    for (const elsewhere of [b, null]) {
      await expectError(await me(request, "session", elsewhere, cookie), 401, "CREDENTIAL_OTHER_LAB");
      await expectError(await me(request, "jwt", elsewhere, token), 401, "CREDENTIAL_OTHER_LAB");
    }
    // Refused elsewhere is not revoked: back in its own lab, the same credentials still work.
    expect((await me(request, "session", a, cookie)).status()).toBe(200);
    expect((await me(request, "jwt", a, token)).status()).toBe(200);
  });

  test("a refresh token of lab A does not refresh in lab B", async ({ request }) => {
    const login = await request.post("/api/auth/jwt/login", { data: DEMO.alice, headers: inLab(a.cookie) });
    expect(login.status()).toBe(200);
    const refresh = cookieHeader({ [COOKIE.refresh]: cookieValue(login, COOKIE.refresh) });
    await expectError(await request.post("/api/auth/jwt/refresh", { headers: inLab(b.cookie, { cookie: refresh }) }), 401, "CREDENTIAL_OTHER_LAB");
    expect((await request.post("/api/auth/jwt/refresh", { headers: inLab(a.cookie, { cookie: refresh }) })).status()).toBe(200);
  });

  test("a user registered in lab A cannot log in to lab B or the default lab, and B can register the same email", async ({ request }) => {
    const user = { email: uniqueEmail("lab-a"), password: "correct-horse-battery" };
    expect((await request.post("/api/auth/register", { data: user, headers: inLab(a.cookie) })).status()).toBe(201);
    expect((await request.post("/api/auth/session/login", { data: user, headers: inLab(a.cookie) })).status()).toBe(200);
    await expectError(await request.post("/api/auth/session/login", { data: user, headers: inLab(b.cookie) }), 401, "INVALID_CREDENTIALS");
    await expectError(await request.post("/api/auth/jwt/login", { data: user }), 401, "INVALID_CREDENTIALS");
    expect((await request.post("/api/auth/register", { data: { ...user, password: "another-horse-battery" }, headers: inLab(b.cookie) })).status()).toBe(201);
  });

  test("an admin of lab A sees and acts on lab A's users only: lab B's alice is a 404, and B's admin token is refused in A", async ({ request }) => {
    const adminA = await tokenIn(request, a, DEMO.admin);
    const adminB = await tokenIn(request, b, DEMO.admin);
    const usersOf = async (lab: Lab, token: string) => {
      const res = await request.get("/api/admin/users", { headers: inLab(lab.cookie, { authorization: `Bearer ${token}` }) });
      expect(res.status()).toBe(200);
      return ((await res.json()) as { users: { id: string; email: string }[] }).users;
    };
    const aliceOfB = (await usersOf(b, adminB)).find((u) => u.email === DEMO.alice.email);
    const aliceOfA = (await usersOf(a, adminA)).find((u) => u.email === DEMO.alice.email);
    expect(aliceOfB && aliceOfA && aliceOfB.id !== aliceOfA.id).toBe(true);
    expect((await usersOf(a, adminA)).map((u) => u.id)).not.toContain(aliceOfB!.id);

    const asAdminA = inLab(a.cookie, { authorization: `Bearer ${adminA}` });
    await expectError(await request.patch(`/api/admin/users/${aliceOfB!.id}`, { data: { role: "admin" }, headers: asAdminA }), 404, "NOT_FOUND");
    await expectError(await request.post(`/api/admin/users/${aliceOfB!.id}/revoke`, { headers: asAdminA }), 404, "NOT_FOUND");
    // Naming lab B with lab A's admin token does not help either.
    await expectError(await request.get("/api/admin/users", { headers: inLab(b.cookie, { authorization: `Bearer ${adminA}` }) }), 401, "CREDENTIAL_OTHER_LAB");

    // Revoking alice in lab A leaves lab B's alice signed in.
    const sessionOfB = await sessionIn(request, b);
    expect((await request.post(`/api/admin/users/${aliceOfA!.id}/revoke`, { headers: asAdminA })).status()).toBe(200);
    expect((await me(request, "session", b, sessionOfB)).status()).toBe(200);
  });

  test("the demo clock, the settings and the reset act on the caller's lab only", async ({ request }) => {
    const sessionOfB = await sessionIn(request, b);
    const userOfB = { email: uniqueEmail("lab-b"), password: "correct-horse-battery" };
    expect((await request.post("/api/auth/register", { data: userOfB, headers: inLab(b.cookie) })).status()).toBe(201);

    expect((await request.post("/api/demo/clock", { data: { advanceSeconds: 3600 }, headers: inLab(a.cookie) })).status()).toBe(200);
    const adminA = await tokenIn(request, a, DEMO.admin);
    const patched = await request.patch("/api/settings", { data: { denylistEnabled: true, accessTtlSeconds: 60 }, headers: inLab(a.cookie, { authorization: `Bearer ${adminA}` }) });
    expect(patched.status()).toBe(200);

    const clockOf = async (lab: Lab | null) => ((await (await request.get("/api/demo/clock", { headers: inLab(lab?.cookie) })).json()) as { offsetMs: number }).offsetMs;
    const settingsOf = async (lab: Lab | null) => ((await (await request.get("/api/settings", { headers: inLab(lab?.cookie) })).json()) as { settings: { denylistEnabled: boolean; accessTtlSeconds: number } }).settings;
    expect(await clockOf(a)).toBe(3_600_000);
    expect(await clockOf(b)).toBe(0);
    expect(await settingsOf(a)).toMatchObject({ denylistEnabled: true, accessTtlSeconds: 60 });
    expect(await settingsOf(b)).toMatchObject({ denylistEnabled: false, accessTtlSeconds: 900 });
    expect((await settingsOf(null)).accessTtlSeconds).toBe(900);

    const reset = await request.post("/api/demo/reset", { headers: inLab(a.cookie) });
    expect(reset.status()).toBe(200);
    expect(((await reset.json()) as { labId: string }).labId).toBe(a.id);
    expect(await clockOf(a)).toBe(0);
    expect((await settingsOf(a)).denylistEnabled).toBe(false);
    // Lab B kept its session and its registered user.
    expect((await me(request, "session", b, sessionOfB)).status()).toBe(200);
    expect((await request.post("/api/auth/session/login", { data: userOfB, headers: inLab(b.cookie) })).status()).toBe(200);
  });

  test("a lab's admin cannot change what is server-wide: the session store is the operator's", async ({ request }) => {
    const adminA = await tokenIn(request, a, DEMO.admin);
    const asAdminA = inLab(a.cookie, { authorization: `Bearer ${adminA}` });
    await expectError(await request.patch("/api/settings", { data: { sessionStore: "memory" }, headers: asAdminA }), 400, "VALIDATION_FAILED");
    await expectError(await request.patch("/api/operator/settings", { data: { sessionStore: "memory" }, headers: asAdminA }), 401, "OPERATOR_REQUIRED");
    await expectError(await request.post("/api/operator/keys/rotate", { headers: asAdminA }), 401, "OPERATOR_REQUIRED");
    await expectError(await request.get("/api/operator/labs", { headers: asAdminA }), 401, "OPERATOR_REQUIRED");
  });

  test("a forged or foreign lab cookie is a 400, never a fall-back into another lab; a deleted lab is a 410 with its cookie cleared", async ({ request }) => {
    const [id, mac] = a.cookie.slice(COOKIE.lab.length + 1).split(".");
    const forged = `${COOKIE.lab}=${b.id}.${mac}`;
    await expectError(await request.get("/api/labs/current", { headers: { cookie: forged } }), 400, "LAB_COOKIE_INVALID");
    await expectError(await request.get("/api/labs/current", { headers: { cookie: `${COOKIE.lab}=${id}.${"A".repeat(22)}` } }), 400, "LAB_COOKIE_INVALID");

    const session = await sessionIn(request, a);
    const deleted = await request.delete("/api/labs/current", { headers: inLab(a.cookie) });
    expect(deleted.status()).toBe(204);
    expect(cookieValue(deleted, COOKIE.lab)).toBe("");
    await expectError(await request.get("/api/labs/current", { headers: inLab(a.cookie) }), 410, "LAB_GONE");
    await expectError(await me(request, "session", a, session), 410, "LAB_GONE");
    await expectError(await request.post("/api/auth/session/login", { data: DEMO.alice, headers: inLab(a.cookie) }), 410, "LAB_GONE");
    // Lab B is untouched.
    expect((await request.get("/api/labs/current", { headers: inLab(b.cookie) })).status()).toBe(200);
  });

  test("POST /api/labs with a lab cookie replaces that lab: the old one is deleted with everything in it", async ({ request }) => {
    const session = await sessionIn(request, a);
    const res = await request.post("/api/labs", { headers: inLab(a.cookie) });
    expect(res.status()).toBe(201);
    expect(((await res.json()) as { replaced: string | null }).replaced).toBe(a.id);
    await expectError(await me(request, "session", a, session), 410, "LAB_GONE");
  });

  test("the events of a lab are its own: a refresh reuse in lab A is not in lab B's state", async ({ request }) => {
    const login = await request.post("/api/auth/jwt/login", { data: DEMO.alice, headers: inLab(a.cookie) });
    const refresh = cookieHeader({ [COOKIE.refresh]: cookieValue(login, COOKIE.refresh) });
    expect((await request.post("/api/auth/jwt/refresh", { headers: inLab(a.cookie, { cookie: refresh }) })).status()).toBe(200);
    // Past the grace window (the lab's own clock), the spent token is reuse.
    expect((await request.post("/api/demo/clock", { data: { advanceSeconds: 60 }, headers: inLab(a.cookie) })).status()).toBe(200);
    await expectError(await request.post("/api/auth/jwt/refresh", { headers: inLab(a.cookie, { cookie: refresh }) }), 401, "REFRESH_TOKEN_REUSED");
    // Each lab's admin sees all of their own lab's events.
    const kinds = async (lab: Lab) => {
      const headers = inLab(lab.cookie, { authorization: `Bearer ${await tokenIn(request, lab, DEMO.admin)}` });
      return ((await (await request.get("/api/lab/state", { headers })).json()) as { events: { kind: string }[] }).events.map((e) => e.kind);
    };
    expect(await kinds(a)).toContain("REFRESH_TOKEN_REUSED");
    expect(await kinds(b)).not.toContain("REFRESH_TOKEN_REUSED");
  });

  test("a cross-site request names a lab for its refusal only by the lab's signed value: a bare id or a forged tag lands in the default lab, and 200+ cannot erase lab B's events", async ({ request }) => {
    const login = await request.post("/api/auth/jwt/login", { data: DEMO.alice, headers: inLab(b.cookie) });
    const refresh = cookieHeader({ [COOKIE.refresh]: cookieValue(login, COOKIE.refresh) });
    expect((await request.post("/api/auth/jwt/refresh", { headers: inLab(b.cookie, { cookie: refresh }) })).status()).toBe(200);
    expect((await request.post("/api/demo/clock", { data: { advanceSeconds: 60 }, headers: inLab(b.cookie) })).status()).toBe(200);
    await expectError(await request.post("/api/auth/jwt/refresh", { headers: inLab(b.cookie, { cookie: refresh }) }), 401, "REFRESH_TOKEN_REUSED");
    const adminB = inLab(b.cookie, { authorization: `Bearer ${await tokenIn(request, b, DEMO.admin)}` });
    const eventsOfB = async () => ((await (await request.get("/api/lab/state", { headers: adminB })).json()) as { events: { kind: string; detail: { labFrom?: string } }[] }).events;
    const refusalsOfB = async () => (await eventsOfB()).filter((e) => e.kind === "CROSS_ORIGIN_REFUSED");
    const crossSite = (lab: string) => request.post(`/api/demo/clock?lab=${encodeURIComponent(lab)}`, { headers: { origin: "http://evil.example" } });

    // Lab B's signed value comes only with B's cookie; A's is another lab's.
    const signedB = ((await (await request.get("/api/labs/current", { headers: inLab(b.cookie) })).json()) as { csrfDemoLab: string }).csrfDemoLab;
    const signedA = ((await (await request.get("/api/labs/current", { headers: inLab(a.cookie) })).json()) as { csrfDemoLab: string }).csrfDemoLab;
    expect(signedB.startsWith(`${b.id}.`)).toBe(true);
    const tagOfA = signedA.slice(signedA.indexOf(".") + 1);
    const labCookieOfB = b.cookie.slice(COOKIE.lab.length + 1);
    const named = [b.id, `${b.id}.${tagOfA}`, `${b.id}.${"A".repeat(22)}`, labCookieOfB];
    for (let i = 0; i < 220; i++) await expectError(await crossSite(named[i % named.length]!), 403, "CROSS_ORIGIN_REQUEST");
    expect(await refusalsOfB()).toEqual([]);
    expect((await eventsOfB()).map((e) => e.kind)).toContain("REFRESH_TOKEN_REUSED");

    // The signed value does name lab B, and even 200+ of those keep only the newest refusals, beside B's own events.
    await expectError(await crossSite(signedB), 403, "CROSS_ORIGIN_REQUEST");
    expect((await refusalsOfB()).map((e) => e.detail.labFrom)).toEqual(["the request's signed ?lab="]);
    for (let i = 0; i < 210; i++) await expectError(await crossSite(signedB), 403, "CROSS_ORIGIN_REQUEST");
    expect(await refusalsOfB()).toHaveLength(20);
    expect((await eventsOfB()).map((e) => e.kind)).toContain("REFRESH_TOKEN_REUSED");
  });

  test("the operator counts labs created and deleted (OPERATOR_TOKEN), and nobody else may read the counts", async ({ request }) => {
    const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    const read = async () => (await (await request.get("/api/operator/labs", { headers: operator })).json()) as { live: number; created: number; deleted: number; caps: { maxLive: number } };
    const before = await read();
    const c = await newLab(request);
    expect((await request.delete("/api/labs/current", { headers: inLab(c.cookie) })).status()).toBe(204);
    const after = await read();
    expect(after.created - before.created).toBeGreaterThanOrEqual(1);
    expect(after.deleted - before.deleted).toBeGreaterThanOrEqual(1);
    expect(after.caps.maxLive).toBeGreaterThan(0);
    await expectError(await request.get("/api/operator/labs"), 401, "OPERATOR_REQUIRED");
    await expectError(await request.get("/api/operator/labs", { headers: { authorization: `Bearer ${OPERATOR_TOKEN}x` } }), 401, "OPERATOR_REQUIRED");
  });
});
