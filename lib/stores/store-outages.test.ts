// Store outages at the store level (docs/SECURITY.md "Stores"), with real failures: a TCP proxy between the store
// and a real PostgreSQL or Redis is cut (server gone), stalled (server hung), or the store points
// at a port nobody listens on. Every operation must fail within its bound as StoreUnavailableError
// (never "not found", never hang), and the very same records must be there once the server is back.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPgTestDb, type PgTestDb } from "@/test/pg-db";
import { createTestRedis, type TestRedis } from "@/test/redis";
import { postgresGate, redisGate, REDIS_TEST_URL } from "@/test/services";
import { insertUser } from "@/test/sqlite-db";
import { TcpProxy, targetOf, viaProxy } from "@/test/tcp-proxy";
import { createPrismaClient, type Db } from "../db/client";
import { postgresHotReads, type HotReads } from "../db/hot-reads";
import { StoreUnavailableError } from "../errors";
import { PrismaDenylistStore } from "./prisma-denylist-store";
import { PrismaSessionStore } from "./prisma-session-store";
import { RedisDenylistStore } from "./redis-denylist-store";
import { RedisSessionStore } from "./redis-session-store";
import type { DenylistStore, SessionRecord, SessionStore } from "./types";

/** The bound under test, and what a loaded 2-core machine may add to it before the timer fires. */
const BOUND_MS = 300;
const SCHEDULING_SLACK_MS = 200;
const NOW = Date.now();
const HOUR = 3_600_000;

function sessionFor(userId: string): SessionRecord {
  const id = crypto.randomUUID().replaceAll("-", "").padEnd(64, "0");
  return {
    id,
    labId: "default",
    userId,
    createdAt: new Date(NOW),
    lastSeenAt: new Date(NOW),
    idleExpiresAt: new Date(NOW + HOUR),
    absoluteExpiresAt: new Date(NOW + 8 * HOUR),
    userAgent: "outage-test",
  };
}

/** Runs `operation`, expects StoreUnavailableError, and returns how long the failure took. */
async function failsUnavailable(operation: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  const outcome = await operation().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const elapsed = performance.now() - started;
  expect(outcome.ok, `expected the store to be unavailable, got ${JSON.stringify(outcome)}`).toBe(false);
  if (!outcome.ok) {
    expect(outcome.error).toBeInstanceOf(StoreUnavailableError);
    expect((outcome.error as StoreUnavailableError).retryAfterSeconds).toBeGreaterThan(0);
  }
  expect(elapsed).toBeLessThan(BOUND_MS + SCHEDULING_SLACK_MS);
  return elapsed;
}

interface OutageHarness {
  sessions: SessionStore;
  denylist: DenylistStore;
  proxy: TcpProxy;
  userId: string;
}

/** The same outage cases for every networked backend. */
function outageCases(name: string, harness: () => OutageHarness): void {
  describe(`${name}: outages`, () => {
    afterEach(async () => {
      await harness().proxy.restore();
    });

    it("server gone (connections dropped, port closed): 503-class error within the bound, then the same session again", async () => {
      const { sessions, proxy, userId } = harness();
      const record = sessionFor(userId);
      await sessions.create(record);
      await proxy.cut();
      await failsUnavailable(() => sessions.get("default", record.id));
      await failsUnavailable(() => sessions.create(sessionFor(userId)));
      await failsUnavailable(() => sessions.touch("default", record.id, new Date(NOW + 1), new Date(NOW + HOUR)));
      await failsUnavailable(() => sessions.delete("default", record.id));
      await proxy.restore();
      // Recovery needs no restart and loses nothing: the record written before the outage is back.
      await expect.poll(() => sessions.get("default", record.id).catch((e: unknown) => e), { timeout: 10_000, interval: 100 }).toEqual(record);
    });

    it("server hung (connection open, no answer): fails within the bound instead of hanging", async () => {
      const { sessions, proxy, userId } = harness();
      const record = sessionFor(userId);
      await sessions.create(record);
      // Warm: the next request is answered on an open connection, so only the stall can stop it.
      expect(await sessions.get("default", record.id)).toEqual(record);
      proxy.stall();
      await failsUnavailable(() => sessions.get("default", record.id));
      await proxy.restore();
      await expect.poll(() => sessions.get("default", record.id).catch((e: unknown) => e), { timeout: 10_000, interval: 100 }).toEqual(record);
    });

    it("the denylist fails closed: a check that cannot reach the store throws, never 'not revoked'", async () => {
      const { denylist, proxy } = harness();
      await denylist.add("default", { key: "jti:outage", expiresAt: new Date(NOW + HOUR), notBefore: null });
      await proxy.cut();
      await failsUnavailable(() => denylist.check("default", "outage", "someone", NOW - 1000, NOW));
      await proxy.restore();
      await expect.poll(() => denylist.check("default", "outage", "someone", NOW - 1000, NOW).catch((e: unknown) => e), { timeout: 10_000, interval: 100 }).toBe("jti");
    });
  });
}

const redis = await redisGate("store-outages.test");
describe.skipIf(redis.skip)("Redis", () => {
  let proxy: TcpProxy;
  let testRedis: TestRedis;
  beforeAll(async () => {
    redis.require();
    proxy = await TcpProxy.start(targetOf(REDIS_TEST_URL));
    testRedis = createTestRedis({ url: viaProxy(REDIS_TEST_URL, proxy), timeoutMs: BOUND_MS });
  });
  afterAll(async () => {
    await proxy?.close();
    await testRedis?.close();
  });

  outageCases("RedisSessionStore and RedisDenylistStore", () => ({
    sessions: new RedisSessionStore(testRedis.backend),
    denylist: new RedisDenylistStore(testRedis.backend),
    proxy,
    userId: "redis-outage-user",
  }));

  it("a Redis nobody listens on: unavailable within the bound from the first request", async () => {
    const closed = await TcpProxy.start(targetOf(REDIS_TEST_URL));
    const url = viaProxy(REDIS_TEST_URL, closed);
    await closed.close();
    const nowhere = createTestRedis({ url, timeoutMs: BOUND_MS });
    try {
      await failsUnavailable(() => new RedisSessionStore(nowhere.backend).get("default", "0".repeat(64)));
      await failsUnavailable(() => nowhere.backend.ping());
    } finally {
      await nowhere.backend.close();
    }
  });
});

const postgres = await postgresGate("store-outages.test");
describe.skipIf(postgres.skip)("PostgreSQL", () => {
  let proxy: TcpProxy;
  let testDb: PgTestDb;
  let proxied: Db;
  let userId: string;
  beforeAll(async () => {
    postgres.require();
    testDb = await createPgTestDb();
    proxy = await TcpProxy.start(targetOf(testDb.url));
    proxied = createPrismaClient(viaProxy(testDb.url, proxy), { timeoutMs: BOUND_MS });
  });
  afterAll(async () => {
    await proxied?.$disconnect();
    await proxy?.close();
    await testDb?.close();
  });
  beforeEach(async () => {
    await testDb.reset();
    userId = (await insertUser(testDb.db)).id;
  });

  outageCases("PrismaSessionStore and PrismaDenylistStore", () => ({
    sessions: new PrismaSessionStore(proxied),
    denylist: new PrismaDenylistStore(proxied),
    proxy,
    userId,
  }));

  // What the app runs: lookups by id as prepared statements on pg, everything else through Prisma.
  let hotReads: HotReads | undefined;
  afterAll(async () => {
    await hotReads?.close();
  });
  outageCases("PrismaSessionStore with hot reads", () => {
    hotReads ??= postgresHotReads(viaProxy(testDb.url, proxy), { timeoutMs: BOUND_MS });
    return { sessions: new PrismaSessionStore(proxied, hotReads), denylist: new PrismaDenylistStore(proxied), proxy, userId };
  });

  it("a PostgreSQL nobody listens on: unavailable within the bound", async () => {
    const closed = await TcpProxy.start(targetOf(testDb.url));
    const url = viaProxy(testDb.url, closed);
    await closed.close();
    const nowhere = createPrismaClient(url, { timeoutMs: BOUND_MS });
    // The first query of a new client also compiles the query engine; warm it on the real server
    // so that the timing below measures the outage, not the start-up.
    await new PrismaSessionStore(testDb.db).get("default", "1".repeat(64));
    try {
      await nowhere.$connect().catch(() => undefined);
      await failsUnavailable(() => new PrismaSessionStore(nowhere).get("default", "0".repeat(64)));
      const nowhereReads = postgresHotReads(url, { timeoutMs: BOUND_MS });
      try {
        await failsUnavailable(() => new PrismaSessionStore(nowhere, nowhereReads).get("default", "0".repeat(64)));
      } finally {
        await nowhereReads.close();
      }
    } finally {
      await nowhere.$disconnect();
    }
  });
});
