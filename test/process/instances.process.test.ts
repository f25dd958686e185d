// Two real instances of the production build behind no load balancer, one PostgreSQL database:
// what a shared store buys (SECURITY.md 34), and what an in-process store cannot do.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { IN_CI, assertPostgres, postgresBacking, postgresSkipReason, sqliteBacking, startInstance, testPort, type Backing, type Env, type Instance } from "./cluster";
import { call, jwtLogin, meWithSession, meWithToken, sessionLogin } from "./http";

const skip = (await postgresSkipReason("instances.process.test")) !== null;

/** Starts A (which seeds the demo users) and then B on one backing store, each knowing the other as a peer. */
async function pair(backing: Backing, env: Env = {}): Promise<[Instance, Instance]> {
  const [portA, portB] = [await testPort(), await testPort()];
  const peers = (port: number) => ({ PEER_URLS: `http://127.0.0.1:${port}` });
  const a = await startInstance("inst-a", { ...backing.env, ...env, ...peers(portB) }, portA);
  const b = await startInstance("inst-b", { ...backing.env, ...env, ...peers(portA) }, portB);
  return [a, b];
}

describe.skipIf(skip)("two instances, sessions in the shared PostgreSQL database", () => {
  let backing: Backing;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    if (IN_CI) await assertPostgres();
    backing = await postgresBacking();
    [a, b] = await pair(backing);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await backing?.dispose();
  });

  test("each trace names the instance that served it and when that instance started", async () => {
    const infoA = await call<{ instanceId: string; startedAt: string; pid: number; sessionStore: string }>(a.url, "/api/lab/instance");
    const infoB = await call<{ instanceId: string; startedAt: string; pid: number; sessionStore: string }>(b.url, "/api/lab/instance");
    expect(infoA.body).toMatchObject({ instanceId: "inst-a", pid: a.pid, sessionStore: "database" });
    expect(infoB.body).toMatchObject({ instanceId: "inst-b", pid: b.pid, sessionStore: "database" });

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

  test("a spent refresh token replayed on B after rotation on A: a race inside the grace window, theft after it", async () => {
    const { refreshCookie: spent } = await jwtLogin(a.url);
    const rotated = await call(a.url, "/api/auth/jwt/refresh", { method: "POST", headers: { cookie: spent } });
    expect(rotated.status).toBe(200);
    const successor = rotated.setCookies.find((c) => c.startsWith("__Secure-refresh="))?.split(";")[0] ?? "";
    expect(successor).not.toBe(spent);

    // Within REFRESH_GRACE_SECONDS (10 s) B treats it as a concurrent retry: nothing changes.
    const retry = await call(b.url, "/api/auth/jwt/refresh", { method: "POST", headers: { cookie: spent } });
    expect(retry.status).toBe(409);
    expect(retry.body.error?.code).toBe("REFRESH_TOKEN_RACE");

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
});

// No PostgreSQL needed to show this: two processes on one SQLite file, each with its own memory.
describe("two instances, sessions in each process's memory", () => {
  let backing: Backing;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    backing = await sqliteBacking();
    [a, b] = await pair(backing, { SESSION_STORE: "memory" });
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
