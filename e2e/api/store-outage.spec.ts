// Lesson: what a store outage does to each strategy (docs/SECURITY.md "Stores and outages"), for real.
// A production server keeps sessions, the JWT denylist and login counters in Redis, and users,
// refresh families and settings in PostgreSQL — each behind a TCP proxy this spec cuts, stalls and
// restores. What must hold:
// - store down or hung → 503 STORE_UNAVAILABLE with Retry-After, fast, and *no* Set-Cookie: the
//   cookie is fine, the store is not, and clearing it would log everybody out;
// - store back → the very same cookie works again;
// - login while the store is down → 503 and no cookie;
// - JWT: access tokens keep verifying without any store (the documented fail-open window), but a
//   refresh needs the database (503), and with the denylist on its store is needed too (503: fail closed);
// - logout while the store is down → the cookies are cleared, and 503 says the server did not revoke.
import { writeFileSync } from "node:fs";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { postgresGate, redisGate, type ServiceGate } from "../../test/services";
import { COOKIE, cookieHeader, cookieValue, DEMO, expectError, jwtLogin, sessionLogin, setCookies } from "../fixtures/api";
import { startStoreServer, type StoreServer } from "../fixtures/store-server";

/** The server's bound is 450 ms per store operation (STORE_TIMEOUT_MS), start to answer; the rest is HTTP on a busy 2-core machine. */
const ANSWER_WITHIN_MS = 1_000;
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;

test.describe.configure({ mode: "serial" });

let server: StoreServer;
let api: APIRequestContext;
const gates: ServiceGate[] = [];

test.beforeAll(async () => {
  gates.push(await postgresGate("store-outage.spec"), await redisGate("store-outage.spec"));
  const missing = gates.filter((g) => g.skip);
  test.skip(missing.length > 0, `needs ${missing.map((g) => g.name).join(" and ")} (see the printed message for how to run it)`);
  for (const gate of gates) gate.require();
  test.setTimeout(120_000);
  server = await startStoreServer(PORT);
  // Explicit Cookie headers only, as a client holding a copied credential would send them.
  api = await playwrightRequest.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { cookie: "" } });
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
});

test.afterEach(async ({}, testInfo) => {
  if (!server) return;
  if (testInfo.status !== testInfo.expectedStatus) {
    const file = testInfo.outputPath("store-server.log");
    writeFileSync(file, server.logs());
    await testInfo.attach("store-server.log", { path: file, contentType: "text/plain" });
  }
  await server.redis.restore();
  await server.postgres.restore();
  // Each lesson starts with every store reachable again.
  await storesBack();
});

/** The app reconnects by itself, within about a second of the store's return: wait until it has. */
async function storesBack(): Promise<void> {
  await expect.poll(async () => Object.values((await health()).stores).every((s) => s.ok), { timeout: 10_000 }).toBe(true);
}

async function timed(call: () => Promise<APIResponse>): Promise<{ response: APIResponse; ms: number }> {
  const started = Date.now();
  const response = await call();
  return { response, ms: Date.now() - started };
}

async function expectUnavailable(call: () => Promise<APIResponse>, store: string): Promise<APIResponse> {
  const { response, ms } = await timed(call);
  const body = await expectError(response, 503, "STORE_UNAVAILABLE");
  expect((body.error as { details?: { store?: string } }).details?.store).toBe(store);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
  return response;
}

function me(mode: "session" | "jwt", headers: Record<string, string>) {
  return () => api.get(`/api/me?mode=${mode}`, { headers });
}

async function adminBearer(): Promise<Record<string, string>> {
  return { authorization: `Bearer ${(await jwtLogin(api, DEMO.admin)).accessToken}` };
}

async function patchSettings(admin: Record<string, string>, patch: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await api.patch("/api/settings", { data: patch, headers: admin });
  expect(response.status()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** Which store sessions go to is server-wide: the operator's setting (OPERATOR_TOKEN), not a lab admin's. */
async function switchSessionStore(sessionStore: "database" | "redis"): Promise<Record<string, unknown>> {
  const response = await api.patch("/api/operator/settings", { data: { sessionStore }, headers: { authorization: `Bearer ${server.operatorToken}` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

interface Health {
  stores: Record<"session" | "denylist" | "rateLimit" | "database", { kind: string; engine: string; ok: boolean; latencyMs: number }>;
}

async function health(): Promise<Health> {
  const response = await api.get("/api/lab/health");
  expect(response.status()).toBe(200);
  return (await response.json()) as Health;
}

test("Redis down: the session cookie gets 503 and is left alone; Redis back: the same cookie works", async () => {
  const { seal } = await sessionLogin(api, DEMO.alice);
  const withCookie = { cookie: cookieHeader({ [COOKIE.session]: seal }) };
  expect((await me("session", withCookie)()).status()).toBe(200);
  // A browser's own lab, and its session there, for the page below.
  const created = (await (await api.post("/api/labs")).json()) as { cookie: { name: string; value: string } };
  const labPair = { [created.cookie.name]: created.cookie.value };
  const inLab = await api.post("/api/auth/session/login", { data: DEMO.alice, headers: { cookie: cookieHeader(labPair) } });
  const browserCookies = cookieHeader({ ...labPair, [COOKIE.session]: cookieValue(inLab, COOKIE.session), [COOKIE.mode]: "session" });

  await server.redis.cut();
  const refused = await expectUnavailable(me("session", withCookie), "redis");
  expect(setCookies(refused)).toEqual([]);
  // A page: the proxy's optimistic check passes (it needs no store); the page cannot check the
  // session, and says so without touching the cookie — no redirect to the login page.
  const page = await api.get("/dashboard", { headers: { cookie: browserCookies }, maxRedirects: 0 });
  expect(page.status()).toBe(200);
  expect(setCookies(page)).toEqual([]);
  const html = await page.text();
  expect(html).toContain("The dashboard is unavailable for a moment");
  expect(html).toContain("You are still signed in.");
  // A first visit needs a new lab, whose creation budget is in Redis: 503 with Retry-After, no cookie.
  const firstVisit = await api.get("/", { maxRedirects: 0 });
  expect(firstVisit.status()).toBe(503);
  expect(Number(firstVisit.headers()["retry-after"])).toBeGreaterThan(0);
  expect(setCookies(firstVisit)).toEqual([]);
  expect((await health()).stores).toMatchObject({
    session: { kind: "redis", ok: false },
    rateLimit: { kind: "redis", ok: false },
    database: { kind: "database", engine: "postgres", ok: true },
  });

  await server.redis.restore();
  await expect.poll(async () => (await me("session", withCookie)()).status(), { timeout: 10_000 }).toBe(200);
  expect((await health()).stores.session.ok).toBe(true);
});

test("Redis hung (connection open, no answer): 503 within the bound instead of a hung request", async () => {
  const { seal } = await sessionLogin(api, DEMO.alice);
  const withCookie = { cookie: cookieHeader({ [COOKIE.session]: seal }) };
  server.redis.stall();
  const refused = await expectUnavailable(me("session", withCookie), "redis");
  expect(setCookies(refused)).toEqual([]);
  await server.redis.restore();
  await expect.poll(async () => (await me("session", withCookie)()).status(), { timeout: 10_000 }).toBe(200);
});

test("login while Redis is down: 503 and no cookie at all", async () => {
  await server.redis.cut();
  const refused = await expectUnavailable(() => api.post("/api/auth/session/login", { data: DEMO.alice }), "redis");
  expect(setCookies(refused)).toEqual([]);
});

test("logout while Redis is down: the cookie is cleared, 503 says the session was not deleted, and a copy still works later", async () => {
  const { seal } = await sessionLogin(api, DEMO.alice);
  const withCookie = { cookie: cookieHeader({ [COOKIE.session]: seal }) };
  await server.redis.cut();
  const response = await expectUnavailable(() => api.post("/api/auth/session/logout", { headers: withCookie }), "redis");
  const body = (await response.json()) as { error: { details: { serverRevoked: boolean } } };
  expect(body.error.details.serverRevoked).toBe(false);
  expect(setCookies(response)).toEqual([expect.objectContaining({ name: COOKIE.session, value: "" })]);

  // The honest consequence: the record survived, so a copy of the cookie works once Redis is back.
  await server.redis.restore();
  await expect.poll(async () => (await me("session", withCookie)()).status(), { timeout: 10_000 }).toBe(200);
  expect((await api.post("/api/auth/session/logout", { headers: withCookie })).status()).toBe(204);
  await expectError(await me("session", withCookie)(), 401, "SESSION_NOT_FOUND");
});

test("JWT with Redis down: the access token keeps verifying, unless the denylist is on (then 503: fail closed)", async () => {
  const admin = await adminBearer();
  const { accessToken, refresh } = await jwtLogin(api, DEMO.alice);
  const bearer = { authorization: `Bearer ${accessToken}` };

  await server.redis.cut();
  // No store is involved in verifying a JWT: this is the fail-open window the README documents.
  expect((await me("jwt", bearer)()).status()).toBe(200);
  // Refresh families live in PostgreSQL, which is up.
  const refreshed = await api.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: refresh }) } });
  expect(refreshed.status()).toBe(200);

  await server.redis.restore();
  await storesBack();
  await patchSettings(admin, { denylistEnabled: true });
  try {
    expect((await me("jwt", bearer)()).status()).toBe(200);
    await server.redis.cut();
    await expectUnavailable(me("jwt", bearer), "redis");
    await server.redis.restore();
    await expect.poll(async () => (await me("jwt", bearer)()).status(), { timeout: 10_000 }).toBe(200);
  } finally {
    await server.redis.restore();
    await storesBack();
    await patchSettings(admin, { denylistEnabled: false });
  }
});

test("PostgreSQL down: JWTs keep verifying, refresh and login answer 503 without cookies, sessions in the database store 503 then recover", async () => {
  const settings = await switchSessionStore("database");
  expect(settings).toMatchObject({ stores: { session: { active: "database", available: ["memory", "database", "redis"] } } });
  try {
    const { seal } = await sessionLogin(api, DEMO.alice);
    const withCookie = { cookie: cookieHeader({ [COOKIE.session]: seal }) };
    const { accessToken, refresh } = await jwtLogin(api, DEMO.alice);

    await server.postgres.cut();
    expect((await me("jwt", { authorization: `Bearer ${accessToken}` })()).status()).toBe(200);
    const refreshRefused = await expectUnavailable(() => api.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: refresh }) } }), "database");
    expect(setCookies(refreshRefused)).toEqual([]);
    const sessionRefused = await expectUnavailable(me("session", withCookie), "database");
    expect(setCookies(sessionRefused)).toEqual([]);
    const loginRefused = await expectUnavailable(() => api.post("/api/auth/jwt/login", { data: DEMO.alice }), "database");
    expect(setCookies(loginRefused)).toEqual([]);
    expect((await health()).stores.database).toMatchObject({ engine: "postgres", ok: false });

    await server.postgres.restore();
    await expect.poll(async () => (await me("session", withCookie)()).status(), { timeout: 10_000 }).toBe(200);
    // The refresh token was never spent: it rotates normally now.
    expect((await api.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: refresh }) } })).status()).toBe(200);
  } finally {
    await server.postgres.restore();
    await storesBack();
    await switchSessionStore("redis");
  }
});

test("PostgreSQL hung (connection open, no answer): sessions and refresh answer 503 within the bound, then recover", async () => {
  await switchSessionStore("database");
  try {
    const { seal } = await sessionLogin(api, DEMO.alice);
    const withCookie = { cookie: cookieHeader({ [COOKIE.session]: seal }) };
    const { refresh } = await jwtLogin(api, DEMO.alice);

    server.postgres.stall();
    const sessionRefused = await expectUnavailable(me("session", withCookie), "database");
    expect(setCookies(sessionRefused)).toEqual([]);
    const refreshRefused = await expectUnavailable(() => api.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: refresh }) } }), "database");
    expect(setCookies(refreshRefused)).toEqual([]);

    await server.postgres.restore();
    await expect.poll(async () => (await me("session", withCookie)()).status(), { timeout: 10_000 }).toBe(200);
  } finally {
    await server.postgres.restore();
    await storesBack();
    await switchSessionStore("redis");
  }
});

test("switching the session store: a Redis session's cookie is 401 on the database store, and works again after switching back", async () => {
  const { seal } = await sessionLogin(api, DEMO.alice);
  const withCookie = { cookie: cookieHeader({ [COOKIE.session]: seal }) };

  const switched = await switchSessionStore("database");
  expect((switched.stores as { session: { switching: string } }).session.switching).toContain("401");
  await expectError(await me("session", withCookie)(), 401, "SESSION_NOT_FOUND");
  // A login now lands in the database store and works there.
  const fresh = await sessionLogin(api, DEMO.alice);
  expect((await me("session", { cookie: cookieHeader({ [COOKIE.session]: fresh.seal }) })()).status()).toBe(200);

  await switchSessionStore("redis");
  expect((await me("session", withCookie)()).status()).toBe(200);
});

for (const parallel of [10, 50]) {
  test(`${parallel} parallel refreshes with one token on PostgreSQL: every one 200 with the same successor, never a fork, never a 500`, async () => {
    const { refresh } = await jwtLogin(api, DEMO.alice);
    const headers = { cookie: cookieHeader({ [COOKIE.refresh]: refresh }) };
    const responses = await Promise.all(Array.from({ length: parallel }, () => api.post("/api/auth/jwt/refresh", { headers })));
    const answered = responses.filter((r) => r.status() === 200);
    if (parallel <= 10) expect(responses.map((r) => r.status())).toEqual(Array<number>(parallel).fill(200));
    // 50 at once on one token queue on one connection pool: past STORE_TIMEOUT_MS a request is a
    // 503 (the store bound at work, the client keeps its cookie and retries), never anything else.
    else expect(new Set(responses.map((r) => r.status()))).toEqual(new Set(answered.length === parallel ? [200] : [200, 503]));
    expect(answered.length).toBeGreaterThan(0);
    // A retry inside the grace window is handed the successor the first request created: all hold one token.
    const successors = new Set(answered.map((r) => cookieValue(r, COOKIE.refresh)));
    expect(successors.size).toBe(1);
    const [successor = ""] = successors;
    // It is the one live token: it rotates once more, and the original is now a grandparent (theft).
    const next = await api.post("/api/auth/jwt/refresh", { headers: { cookie: cookieHeader({ [COOKIE.refresh]: successor }) } });
    expect(next.status()).toBe(200);
    await expectError(await api.post("/api/auth/jwt/refresh", { headers }), 401, "REFRESH_TOKEN_REUSED");
  });
}
