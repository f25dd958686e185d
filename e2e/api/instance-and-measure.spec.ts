import { expect, test } from "@playwright/test";
import { adminToken, COOKIE, cookieHeader, DEMO, expectError, PEER, sessionLogin } from "../fixtures/api";

test.describe("Which instance answered, relaying to another instance, and measuring the strategies", () => {
  test("GET /api/lab/instance says who this is, since when and where it keeps sessions — and every trace agrees", async ({ request }) => {
    const res = await request.get("/api/lab/instance");
    expect(res.status()).toBe(200);
    const info = (await res.json()) as { instanceId: string; startedAt: string; pid: number; sessionStore: string; peers: string[] };
    expect(info.instanceId).toMatch(/^e2e-/);
    expect(Date.parse(info.startedAt)).toBeLessThanOrEqual(Date.now());
    expect(info.pid).toBeGreaterThan(0);
    expect(info.sessionStore).toBe("database");
    expect(info.peers).toEqual([PEER]);

    const { seal } = await sessionLogin(request, DEMO.alice);
    const me = await request.get("/api/me?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: seal }) } });
    const body = (await me.json()) as { trace: { instanceId: string; instanceStartedAt: string } };
    expect(body.trace).toMatchObject({ instanceId: info.instanceId, instanceStartedAt: info.startedAt });
  });

  test("GET /api/ping/protected is /api/ping behind authentication: same small answer, steps only in Server-Timing", async ({ request }) => {
    await expectError(await request.get("/api/ping/protected?mode=session"), 401, "UNAUTHENTICATED");
    const { seal } = await sessionLogin(request, DEMO.alice);
    const asSession = await request.get("/api/ping/protected?mode=session", { headers: { cookie: cookieHeader({ [COOKIE.session]: seal }) } });
    expect(asSession.status()).toBe(200);
    const body = (await asSession.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["instanceId", "ok", "user"]);
    expect(body.user).toMatchObject({ role: "user" });
    expect(asSession.headers()["server-timing"]).toMatch(/\d+-unseal;dur=[\d.]+.*\d+-session-lookup;dur=/);

    const jwt = await request.post("/api/auth/jwt/login?cookies=none", { data: DEMO.alice });
    const { accessToken } = (await jwt.json()) as { accessToken: string };
    const asJwt = await request.get("/api/ping/protected", { headers: { authorization: `Bearer ${accessToken}` } });
    expect(asJwt.status()).toBe(200);
    expect(asJwt.headers()["server-timing"]).toMatch(/\d+-jwt-verify;dur=/);
    expect(asJwt.headers()["server-timing"]).not.toMatch(/session-lookup/);
  });

  test("the relay to another instance goes only to the configured peer: never to any other URL from the request", async ({ request }) => {
    const { seal } = await sessionLogin(request, DEMO.alice);
    const cookie = cookieHeader({ [COOKIE.session]: seal });
    for (const target of ["http://169.254.169.254/latest/meta-data", "http://127.0.0.1:5432", "http://localhost:3000"]) {
      await expectError(await request.post("/api/lab/other-instance", { headers: { cookie }, data: { target, credential: "session" } }), 400, "PEER_UNKNOWN");
    }
    await expectError(await request.post("/api/lab/other-instance", { headers: { cookie }, data: { target: "http://x", credential: "refresh" } }), 400, "VALIDATION_FAILED");
    await expectError(await request.get("/api/lab/other-instance"), 405, "METHOD_NOT_ALLOWED");
  });

  test("measure runs real requests per strategy and reports throughput, latency, ratios and per-step µs", async ({ request }) => {
    test.setTimeout(30_000);
    const admin = { authorization: `Bearer ${await adminToken(request)}` };
    const aliceSessions = async () => {
      const state = (await (await request.get("/api/lab/state", { headers: admin })).json()) as { sessions: { userEmail: string }[] };
      return state.sessions.filter((s) => s.userEmail === DEMO.alice.email).length;
    };
    const before = await aliceSessions();

    const res = await request.post("/api/lab/measure");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { totalMs: number; cases: { name: string; requests: number; errors: number; reqPerSec: number; p50Ms: number; p99Ms: number; ratio: number; steps: Record<string, number> }[] };
    expect(body.cases.map((c) => c.name)).toEqual(["unauthenticated", "session-sqlite", "jwt-hs256"]);
    expect(body.totalMs).toBeLessThan(6_000);
    for (const c of body.cases) {
      expect(c.requests, c.name).toBeGreaterThan(10);
      expect(c.errors, c.name).toBe(0);
      expect(c.reqPerSec, c.name).toBeGreaterThan(0);
      expect(c.p99Ms, c.name).toBeGreaterThanOrEqual(c.p50Ms);
    }
    expect(body.cases[0]?.ratio).toBe(1);
    const [, session, jwt] = body.cases;
    // What each strategy did, from the server's own Server-Timing: a store lookup versus a signature check.
    expect(Object.keys(session?.steps ?? {})).toEqual(expect.arrayContaining(["session-lookup"]));
    expect(Object.keys(jwt?.steps ?? {})).toContain("jwt-verify");
    expect(Object.keys(jwt?.steps ?? {})).not.toContain("session-lookup");

    // The demo user's measuring session was logged out again.
    expect(await aliceSessions()).toBe(before);
  });
});
