import { createServer, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { authContext, authUser, FakeUsers, SEAL_PASSWORD, T0, TEST_LAB, testSettings } from "@/test/auth-fixtures";
import { SessionStrategy } from "../auth/session-strategy";
import type { CredentialInput } from "../auth/types";
import { StoreUnavailableError } from "../errors";
import { runWithTrace } from "../trace/context";
import { Trace } from "../trace/trace";
import { MemoryDenylistStore } from "./memory-denylist-store";
import { MemorySessionStore } from "./memory-session-store";
import { RedisBackend } from "./redis-backend";
import { RedisSessionStore } from "./redis-session-store";
import { sessionStoreProvider } from "./session-store-provider";
import { storeOp } from "./store-errors";
import { labDenylistStore, labSessionStore, refusingDenylistStore, refusingSessionStore, SERVER_HOUSEKEEPING } from "./store-fault";
import type { SessionRecord, SessionStore, StoreKind } from "./types";

const COOKIE = "__Host-session";
const ON = { storeFault: true };
const OFF = { storeFault: false };

function record(id: string, labId = TEST_LAB): SessionRecord {
  const at = new Date(T0);
  return { id, labId, userId: "u1", createdAt: at, lastSeenAt: at, idleExpiresAt: new Date(T0 + 60_000), absoluteExpiresAt: new Date(T0 + 3_600_000), userAgent: null };
}

/** A memory store that reports another kind, standing for that backend. */
function storeOfKind(kind: StoreKind): SessionStore {
  const inner = new MemorySessionStore();
  return Object.assign(Object.create(inner) as MemorySessionStore, { kind });
}

/** A TCP port nobody listens on: a connection to it is refused, for real. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function caught(promise: Promise<unknown>): Promise<StoreUnavailableError> {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(StoreUnavailableError);
      return error as StoreUnavailableError;
    },
  );
}

/** What a client or a log line can tell apart: the message, the backend, the Retry-After, the cause's code. */
function face(error: StoreUnavailableError) {
  return { message: error.message, backend: error.backend, retryAfterSeconds: error.retryAfterSeconds, code: (error.cause as { code?: unknown }).code };
}

describe("the outage switch's refusing stores (docs/SECURITY.md § Stores and outages: a lab's outage switch)", () => {
  let redis: RedisBackend | undefined;
  afterEach(async () => {
    await redis?.close();
    redis = undefined;
  });

  it("throw exactly what a real adapter throws when its server refuses the connection: the database (storeOp) and Redis", async () => {
    const refusedForReal = await caught(storeOp("database", () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })), { deadlineMs: null }));
    const faulted = await caught(refusingSessionStore(storeOfKind("database")).get(TEST_LAB, "x"));
    expect(face(faulted)).toEqual(face(refusedForReal));
    expect(face(faulted)).toEqual({ message: "database is unavailable", backend: "database", retryAfterSeconds: 5, code: "ECONNREFUSED" });

    // A real Redis adapter, pointed at a port that refuses.
    redis = new RedisBackend({ url: `redis://127.0.0.1:${await closedPort()}/0`, keyPrefix: "t:", timeoutMs: 1_000 });
    const realRedis = new RedisSessionStore(redis);
    const redisForReal = await caught(realRedis.get(TEST_LAB, "x"));
    const redisFaulted = await caught(refusingSessionStore(realRedis).get(TEST_LAB, "x"));
    expect({ ...face(redisFaulted), code: undefined }).toEqual({ ...face(redisForReal), code: undefined });
    expect(face(redisFaulted)).toMatchObject({ message: "redis is unavailable", backend: "redis", retryAfterSeconds: 2, code: "ECONNREFUSED" });
  });

  it("refuse every operation of the interface, each counted as one store operation on the trace", async () => {
    const sessions = refusingSessionStore(new MemorySessionStore());
    const denylist = refusingDenylistStore(new MemoryDenylistStore());
    const calls: [string, () => Promise<unknown>][] = [
      ["create", () => sessions.create(record("a"))],
      ["get", () => sessions.get(TEST_LAB, "a")],
      ["touch", () => sessions.touch(TEST_LAB, "a", new Date(T0), new Date(T0))],
      ["delete", () => sessions.delete(TEST_LAB, "a")],
      ["deleteByUser", () => sessions.deleteByUser(TEST_LAB, "u1")],
      ["listByUser", () => sessions.listByUser(TEST_LAB, "u1")],
      ["listAll", () => sessions.listAll(TEST_LAB, 10)],
      ["trimLab", () => sessions.trimLab(TEST_LAB, 1)],
      ["deleteLab", () => sessions.deleteLab(TEST_LAB)],
      ["denylist add", () => denylist.add(TEST_LAB, { key: "jti:x", expiresAt: new Date(T0 + 1000), notBefore: null })],
      ["denylist check", () => denylist.check(TEST_LAB, "x", "u1", T0, T0)],
      ["denylist list", () => denylist.list(TEST_LAB, T0)],
      ["denylist clear", () => denylist.clear(TEST_LAB)],
    ];
    for (const [name, call] of calls) {
      const trace = new Trace("session", "t");
      const error = await runWithTrace(trace, () => trace.step(name, name, "store", call).catch((e: unknown) => e));
      expect(error, name).toBeInstanceOf(StoreUnavailableError);
      expect(trace.steps[0], name).toMatchObject({ outcome: "fail", storeQueries: 1 });
    }
  });

  it("keep the shape of the store they stand for: the one-query lookup only where the store has it", () => {
    expect(refusingSessionStore(new MemorySessionStore()).getWithUser).toBeUndefined();
    const withJoin: SessionStore = Object.assign(Object.create(new MemorySessionStore()) as MemorySessionStore, { kind: "database" as const, getWithUser: async () => null });
    expect(refusingSessionStore(withJoin).getWithUser).toBeTypeOf("function");
    expect(refusingSessionStore(withJoin).kind).toBe("database");
  });

  it("are chosen per lab: switch off is the store itself; switch on is one refusing twin, and the data is never touched", async () => {
    const store = new MemorySessionStore();
    const denylist = new MemoryDenylistStore();
    expect(labSessionStore(store, OFF)).toBe(store);
    expect(labDenylistStore(denylist, OFF)).toBe(denylist);
    expect(labSessionStore(store, SERVER_HOUSEKEEPING)).toBe(store);
    expect(labSessionStore(store, ON)).toBe(labSessionStore(store, ON));
    expect(labDenylistStore(denylist, ON)).toBe(labDenylistStore(denylist, ON));

    await store.create(record("kept"));
    await expect(labSessionStore(store, ON).delete(TEST_LAB, "kept")).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await labSessionStore(store, OFF).get(TEST_LAB, "kept")).not.toBeNull();
  });

  it("through the provider: the faulted lab's active store, `get` and `all` refuse; another lab's requests reach the same stores untouched", async () => {
    const memory = new MemorySessionStore();
    const database = storeOfKind("database");
    const provider = sessionStoreProvider({ memory, database }, "database");
    await database.create(record("other-lab-session", "otherlab23"));

    const faulted = { sessionStore: "database" as const, storeFault: true };
    await expect(provider.active(faulted).get(TEST_LAB, "x")).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(provider.get("memory", faulted)!.get(TEST_LAB, "x")).rejects.toBeInstanceOf(StoreUnavailableError);
    for (const s of provider.all(faulted)) await expect(s.deleteByUser(TEST_LAB, "u1")).rejects.toBeInstanceOf(StoreUnavailableError);

    expect(await provider.active({ sessionStore: "database", storeFault: false }).get("otherlab23", "other-lab-session")).not.toBeNull();
    expect(provider.all(SERVER_HOUSEKEEPING)).toEqual([memory, database]);
  });

  it("a session during the outage: 503 (StoreUnavailableError), never a 401 that clears the cookie; switch off and the same cookie works", async () => {
    const users = new FakeUsers();
    const strategy = new SessionStrategy({ stores: sessionStoreProvider({ memory: new MemorySessionStore() }, "memory"), users, sealPasswords: { "1": SEAL_PASSWORD }, cookieName: COOKIE, maxSessionsPerLab: 100 });
    const settings = testSettings({ sessionStore: "memory" });
    const issued = await strategy.issue(authUser(users.add()), { cookies: {} }, authContext("session", T0, settings));
    const input: CredentialInput = { cookies: { [COOKIE]: issued.cookies[0]!.value } };

    const during = authContext("session", T0 + 1000, testSettings({ sessionStore: "memory", storeFault: true }));
    await expect(runWithTrace(during.trace, () => strategy.authenticate(input, during))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(during.trace.steps.find((s) => s.name === "session-lookup")).toMatchObject({ outcome: "fail", storeQueries: 1 });
    // A login during the outage stores nothing: 503, no cookie.
    await expect(strategy.issue(authUser(users.add()), { cookies: {} }, during)).rejects.toBeInstanceOf(StoreUnavailableError);
    // Logout during the outage cannot delete the record (the route clears the cookie and says so).
    await expect(strategy.revoke(input, during)).rejects.toBeInstanceOf(StoreUnavailableError);

    const after = await strategy.authenticate(input, authContext("session", T0 + 2000, settings));
    expect(after.ok).toBe(true);
  });
});
