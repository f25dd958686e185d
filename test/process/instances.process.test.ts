// Two real instances of the production build behind no load balancer: what a shared store buys
// (docs/SECURITY.md "Stores and outages") — in PostgreSQL or in Redis — and what an in-process store cannot do.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { postgresGate, redisGate, type ServiceGate } from "../services";
import { postgresBacking, sqliteBacking, startPair, type Backing, type Env, type Instance } from "./cluster";
import { call, jwtLogin, meWithSession, meWithToken, sessionLogin } from "./http";

const postgres = await postgresGate("instances.process.test");
const redis = await redisGate("instances.process.test");

/** The same lessons for every store two instances can share. */
function sharedStore(name: string, gates: ServiceGate[], backingFor: () => Promise<Backing>, env: Env, sessionStore: string) {
  describe.skipIf(gates.some((g) => g.skip))(`two instances, sessions in ${name}`, () => {
    let backing: Backing;
    let a: Instance;
    let b: Instance;

    beforeAll(async () => {
      for (const g of gates) g.require();
      backing = await backingFor();
      [a, b] = await startPair(backing, env);
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await backing?.dispose();
    });

    test("each trace names the instance that served it and when that instance started", async () => {
      const infoA = await call<{ instanceId: string; startedAt: string; pid: number; sessionStore: string }>(a.url, "/api/lab/instance");
      const infoB = await call<{ instanceId: string; startedAt: string; pid: number; sessionStore: string }>(b.url, "/api/lab/instance");
      expect(infoA.body).toMatchObject({ instanceId: "inst-a", pid: a.pid, sessionStore });
      expect(infoB.body).toMatchObject({ instanceId: "inst-b", pid: b.pid, sessionStore });

      const cookie = await sessionLogin(a.url);
      const onB = await meWithSession(b.url, cookie);
      expect(onB.body.trace).toMatchObject({ instanceId: "inst-b", instanceStartedAt: infoB.body.startedAt });
    });

    test("a session created on A is valid on B; logging out on B kills it on A at once", async () => {
      const cookie = await sessionLogin(a.url);
      expect((await meWithSession(a.url, cookie)).status).toBe(200);
      const onB = await meWithSession(b.url, cookie);
      expect(onB.status).toBe(200);
      expect(onB.body.trace?.steps.find((s) => s.name === "session-lookup")?.storeQueries).toBe(1);

      const logout = await call(b.url, "/api/auth/session/logout", { method: "POST", headers: { cookie } });
      expect(logout.status).toBe(204);

      const onA = await meWithSession(a.url, cookie);
      expect(onA.status).toBe(401);
      expect(onA.body.error?.code).toBe("SESSION_NOT_FOUND");
      expect(onA.body.trace?.instanceId).toBe("inst-a");
    });

    test("a JWT issued by A verifies on B with no store query at all", async () => {
      const { accessToken } = await jwtLogin(a.url);
      const onB = await meWithToken(b.url, accessToken);
      expect(onB.status).toBe(200);
      expect(onB.body.trace).toMatchObject({ instanceId: "inst-b", storeQueries: 0 });
    });

    test("the lab on A sends my own session cookie to B and shows B's answer and trace", async () => {
      const cookie = await sessionLogin(a.url);
      const relayed = await call<{ status: number; target: string; trace: { instanceId: string } }>(a.url, "/api/lab/other-instance", {
        method: "POST",
        headers: { cookie },
        body: { target: b.url, credential: "session" },
      });
      expect(relayed.status).toBe(200);
      expect(relayed.body).toMatchObject({ status: 200, target: b.url, trace: { instanceId: "inst-b" } });
      // B's answer stays with the lab: nothing it set reaches this client.
      expect(relayed.setCookies).toEqual([]);

      const elsewhere = await call(a.url, "/api/lab/other-instance", { method: "POST", headers: { cookie }, body: { target: "http://127.0.0.1:1", credential: "session" } });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.error?.code).toBe("PEER_UNKNOWN");
    });

    test("a spent refresh token replayed on B after rotation on A: the same successor inside the grace window, theft after it", async () => {
      const { refreshCookie: spent } = await jwtLogin(a.url);
      const rotated = await call(a.url, "/api/auth/jwt/refresh", { method: "POST", headers: { cookie: spent } });
      expect(rotated.status).toBe(200);
      const successor = rotated.setCookies.find((c) => c.startsWith("__Secure-refresh="))?.split(";")[0] ?? "";
      expect(successor).not.toBe(spent);

      // Within REFRESH_GRACE_SECONDS (10 s) B treats it as a retry of the exchange A made: it hands
      // back the very successor A created (sealed with the secret both instances share), nothing new.
      const retry = await call(b.url, "/api/auth/jwt/refresh", { method: "POST", headers: { cookie: spent } });
      expect(retry.status).toBe(200);
      expect(retry.setCookies.find((c) => c.startsWith("__Secure-refresh="))?.split(";")[0]).toBe(successor);

      // Move the shared demo clock past the grace window (set on A; B reads it from the database).
      const clock = await call(a.url, "/api/demo/clock", { method: "POST", body: { advanceSeconds: 30 } });
      expect(clock.status).toBe(200);
      try {
        await expect.poll(async () => (await call<{ offsetMs: number }>(b.url, "/api/demo/clock")).body.offsetMs, { timeout: 5_000 }).toBe(30_000);

        const replay = await call(b.url, "/api/auth/jwt/refresh", { method: "POST", headers: { cookie: spent } });
        expect(replay.status).toBe(401);
        expect(replay.body.error?.code).toBe("REFRESH_TOKEN_REUSED");
        expect(replay.body.trace?.instanceId).toBe("inst-b");

        // The whole family died, so the legitimate successor is refused on A too.
        const afterTheft = await call(a.url, "/api/auth/jwt/refresh", { method: "POST", headers: { cookie: successor } });
        expect(afterTheft.status).toBe(401);
        expect(afterTheft.body.error?.code).toBe("REFRESH_TOKEN_REVOKED");
      } finally {
        await call(a.url, "/api/demo/clock", { method: "POST", body: { reset: true } });
      }
    });

    test("with the denylist on, an access token logged out on B is refused on A at the very next request", async () => {
      const admin = await call<{ accessToken: string }>(a.url, "/api/auth/jwt/login?cookies=none", { method: "POST", body: { email: "admin@example.com", password: "admin-demo-pass" } });
      const adminAuth = { authorization: `Bearer ${admin.body.accessToken}` };
      expect((await call(a.url, "/api/settings", { method: "PATCH", headers: adminAuth, body: { denylistEnabled: true } })).status).toBe(200);
      try {
        // Settings are cached for a second per instance: wait until B has the denylist on too.
        await expect.poll(async () => (await call<{ settings: { denylistEnabled: boolean } }>(b.url, "/api/settings")).body.settings.denylistEnabled, { timeout: 5_000 }).toBe(true);
        const { accessToken, refreshCookie } = await jwtLogin(a.url);
        expect((await meWithToken(a.url, accessToken)).status).toBe(200);
        const logout = await call(b.url, "/api/auth/jwt/logout", { method: "POST", headers: { authorization: `Bearer ${accessToken}`, cookie: refreshCookie } });
        expect(logout.status).toBe(204);
        const onA = await meWithToken(a.url, accessToken);
        expect(onA.status).toBe(401);
        expect(onA.body.error?.code).toBe("TOKEN_REVOKED");
      } finally {
        await call(a.url, "/api/settings", { method: "PATCH", headers: adminAuth, body: { denylistEnabled: false } });
      }
    });
  });
}

sharedStore("the shared PostgreSQL database", [postgres], () => postgresBacking(), {}, "database");
sharedStore("Redis (and the denylist there too)", [postgres, redis], () => postgresBacking({ redis: true }), { SESSION_STORE: "redis", DENYLIST_STORE: "redis", RATE_LIMIT_STORE: "redis" }, "redis");

// No PostgreSQL needed to show this: two processes on one SQLite file, each with its own memory.
describe("two instances, sessions in each process's memory", () => {
  let backing: Backing;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    backing = await sqliteBacking();
    [a, b] = await startPair(backing, { SESSION_STORE: "memory" });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await backing?.dispose();
  });

  test("a session created on A does not exist on B: 401 there, while a JWT from A still works on B", async () => {
    const cookie = await sessionLogin(a.url);
    expect((await meWithSession(a.url, cookie)).status).toBe(200);

    const onB = await meWithSession(b.url, cookie);
    expect(onB.status).toBe(401);
    expect(onB.body.error?.code).toBe("SESSION_NOT_FOUND");
    expect(onB.body.trace?.instanceId).toBe("inst-b");

    const relayed = await call<{ status: number }>(a.url, "/api/lab/other-instance", { method: "POST", headers: { cookie }, body: { target: b.url, credential: "session" } });
    expect(relayed.body.status).toBe(401);

    const { accessToken } = await jwtLogin(a.url);
    expect((await meWithToken(b.url, accessToken)).status).toBe(200);
  });
});
