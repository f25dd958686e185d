// A restart, with sessions of one lab in every store at once (docs/SECURITY.md "Stores and outages"):
// a production server started with SESSION_STORE=memory; the operator moves new sessions from
// memory to the database (and to Redis), one login in each; then the process really stops and a
// new one starts on the same database, Redis and secrets. The memory session is gone (401
// SESSION_NOT_FOUND: everyone on it is logged out); the database and Redis sessions answer 200.
// And the lab's "Restart the memory store" gives a memory session the very verdict a restart gives.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { StoreKind } from "@/lib/stores/types";
import { redisGate, type ServiceGate } from "../services";
import { OPERATOR_TOKEN, sqliteBacking, startInstance, testPort, type Backing, type Instance } from "./cluster";
import { ALICE, call, cookie } from "./http";

const redis = await redisGate("memory-restart.process.test");
const ADMIN = { email: "admin@example.com", password: "admin-demo-pass" };

/** A lab of its own, as an API client gets one: `__Host-lab=…`. */
async function newLab(base: string): Promise<string> {
  const created = await call<{ cookie: { name: string; value: string } }>(base, "/api/labs", { method: "POST" });
  expect(created.status).toBe(201);
  return `${created.body.cookie.name}=${created.body.cookie.value}`;
}

/** Where new sessions go: the operator's server-wide choice. */
async function sessionsGoTo(base: string, store: StoreKind): Promise<void> {
  const switched = await call(base, "/api/operator/settings", { method: "PATCH", body: { sessionStore: store }, headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
  expect(switched.status).toBe(200);
}

async function sessionIn(base: string, lab: string, user = ALICE): Promise<string> {
  const login = await call(base, "/api/auth/session/login", { method: "POST", body: user, headers: { cookie: lab } });
  expect(login.status).toBe(200);
  return cookie(login.setCookies, "__Host-session");
}

function me(base: string, lab: string, session: string) {
  return call(base, "/api/me?mode=session", { headers: { cookie: `${lab}; ${session}` } });
}

function restartCase(name: string, gates: ServiceGate[], stores: StoreKind[]) {
  describe.skipIf(gates.some((g) => g.skip))(name, () => {
    let backing: Backing;
    let first: Instance | undefined;
    let after: Instance;
    let lab: string;
    const sessions = new Map<StoreKind, string>();
    let pidBefore: number | undefined;

    beforeAll(async () => {
      for (const g of gates) g.require();
      backing = await sqliteBacking({ redis: stores.includes("redis") });
      const port = await testPort();
      const env = { ...backing.env, SESSION_STORE: "memory" };
      first = await startInstance("restart-stores", env, port);
      lab = await newLab(first.url);
      for (const store of stores) {
        await sessionsGoTo(first.url, store);
        const session = await sessionIn(first.url, lab);
        expect((await me(first.url, lab, session)).status).toBe(200);
        sessions.set(store, session);
      }
      pidBefore = first.pid;
      await first.stop();
      first = undefined;
      after = await startInstance("restart-stores", env, port);
    });
    afterAll(async () => {
      await first?.stop();
      await after?.stop();
      await backing?.dispose();
    });

    test("it is a new process on the same port, database and secrets", async () => {
      const info = await call<{ pid: number }>(after.url, "/api/lab/instance");
      expect(info.body.pid).not.toBe(pidBefore);
    });

    test("the memory session died with the process: 401 SESSION_NOT_FOUND, and the cookie is cleared", async () => {
      await sessionsGoTo(after.url, "memory");
      const answer = await me(after.url, lab, sessions.get("memory")!);
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe("SESSION_NOT_FOUND");
      expect(answer.setCookies.some((c) => c.startsWith("__Host-session=;"))).toBe(true);
    });

    for (const store of stores.filter((s) => s !== "memory")) {
      test(`the ${store} session survived the restart: 200, the same cookie`, async () => {
        await sessionsGoTo(after.url, store);
        const answer = await me(after.url, lab, sessions.get(store)!);
        expect(answer.status).toBe(200);
        expect(answer.body.trace?.steps.find((s) => s.name === "session-lookup")?.label).toContain(`${store} store`);
      });
    }

    test("the lab's 'Restart the memory store' gives a memory session the same verdict, without a restart", async () => {
      await sessionsGoTo(after.url, "memory");
      const session = await sessionIn(after.url, lab);
      expect((await me(after.url, lab, session)).status).toBe(200);
      const admin = await call<{ accessToken: string }>(after.url, "/api/auth/jwt/login?cookies=none", { method: "POST", body: ADMIN, headers: { cookie: lab } });
      const restarted = await call<{ droppedSessions: number }>(after.url, "/api/labs/current/memory-store/restart", {
        method: "POST",
        headers: { cookie: lab, authorization: `Bearer ${admin.body.accessToken}` },
      });
      expect(restarted.status).toBe(200);
      expect(restarted.body.droppedSessions).toBe(1);
      const answer = await me(after.url, lab, session);
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe("SESSION_NOT_FOUND");
    });
  });
}

restartCase("a restart, one lab with sessions in memory and SQLite", [], ["memory", "database"]);
restartCase("a restart, one lab with sessions in memory, SQLite and Redis", [redis], ["memory", "database", "redis"]);
