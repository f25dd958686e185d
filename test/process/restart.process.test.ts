// A real restart (docs/SECURITY.md "Stores and outages"): stop the process, start it again on the same store with the
// same secrets, send the same credentials. Persistent stores and JWTs survive; memory sessions
// do not, and the instance's start time says why.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { postgresGate, redisGate, type ServiceGate } from "../services";
import { postgresBacking, sqliteBacking, startInstance, testPort, type Backing, type Env, type Instance } from "./cluster";
import { call, jwtLogin, meWithSession, meWithToken, sessionLogin } from "./http";

const postgres = await postgresGate("restart.process.test");
const redis = await redisGate("restart.process.test");

interface Before {
  sessionCookie: string;
  accessToken: string;
  startedAt: string;
  pid: number | undefined;
}

/** Logs in with both strategies on a fresh instance, stops it, starts it again on the same store. */
function restartCase(name: string, gates: ServiceGate[], backingFor: () => Promise<Backing>, env: Env, expectSession: 200 | 401) {
  describe.skipIf(gates.some((g) => g.skip))(name, () => {
    let backing: Backing;
    let after: Instance;
    let before: Before;

    beforeAll(async () => {
      for (const g of gates) g.require();
      backing = await backingFor();
      const port = await testPort();
      const first = await startInstance("restart-me", { ...backing.env, ...env }, port);
      try {
        const sessionCookie = await sessionLogin(first.url);
        const { accessToken } = await jwtLogin(first.url);
        expect((await meWithSession(first.url, sessionCookie)).status).toBe(200);
        expect((await meWithToken(first.url, accessToken)).status).toBe(200);
        const info = await call<{ startedAt: string }>(first.url, "/api/lab/instance");
        before = { sessionCookie, accessToken, startedAt: info.body.startedAt, pid: first.pid };
      } finally {
        await first.stop();
      }
      after = await startInstance("restart-me", { ...backing.env, ...env }, port);
    });
    afterAll(async () => {
      await after?.stop();
      await backing?.dispose();
    });

    test("it really is a new process: new pid, later start time, shown in the trace", async () => {
      const info = await call<{ startedAt: string; pid: number }>(after.url, "/api/lab/instance");
      expect(info.body.pid).not.toBe(before.pid);
      expect(Date.parse(info.body.startedAt)).toBeGreaterThan(Date.parse(before.startedAt));
      const me = await meWithToken(after.url, before.accessToken);
      expect(me.body.trace?.instanceStartedAt).toBe(info.body.startedAt);
    });

    test(`the same session cookie → ${expectSession} after the restart`, async () => {
      const me = await meWithSession(after.url, before.sessionCookie);
      expect(me.status).toBe(expectSession);
      if (expectSession === 401) expect(me.body.error?.code).toBe("SESSION_NOT_FOUND");
    });

    test("the same access token → 200 after the restart (keys persisted, nothing to look up)", async () => {
      expect((await meWithToken(after.url, before.accessToken)).status).toBe(200);
    });
  });
}

restartCase("restart, sessions in SQLite (the embedded default)", [], () => sqliteBacking(), {}, 200);
restartCase("restart, sessions in memory", [], () => sqliteBacking(), { SESSION_STORE: "memory" }, 401);
restartCase("restart, sessions in PostgreSQL", [postgres], () => postgresBacking(), {}, 200);
restartCase("restart, sessions in Redis", [redis], () => sqliteBacking({ redis: true }), { SESSION_STORE: "redis" }, 200);
