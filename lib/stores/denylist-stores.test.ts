import { describe, expect, it } from "vitest";
import { createPgTestDb } from "@/test/pg-db";
import { createTestRedis } from "@/test/redis";
import { postgresGate, redisGate } from "@/test/services";
import { createTestDb, insertLab, type TestDb } from "@/test/sqlite-db";
import { newLabId } from "../labs/lab-id";
import { verdictFor } from "./denylist-verdict";
import { MemoryDenylistStore } from "./memory-denylist-store";
import { PrismaDenylistStore } from "./prisma-denylist-store";
import { RedisDenylistStore } from "./redis-denylist-store";
import { denylistContract } from "./denylist-store.contract";

const NOW = Date.UTC(2031, 4, 6, 7, 8, 9);
const SEC = 1000;
const HOUR = 3600 * SEC;

describe("verdictFor", () => {
  it("a jti row always revokes, whatever the token's age", () => {
    expect(verdictFor([{ key: "jti:x", expiresAt: new Date(NOW + HOUR), notBefore: null }], NOW + 10 * HOUR)).toBe("jti");
  });

  it("a sub row revokes only tokens issued strictly before notBefore", () => {
    const rows = [{ key: "sub:u", expiresAt: new Date(NOW + HOUR), notBefore: new Date(NOW) }];
    expect(verdictFor(rows, NOW - SEC)).toBe("sub");
    expect(verdictFor(rows, NOW)).toBeNull();
    expect(verdictFor(rows, NOW + SEC)).toBeNull();
  });

  it("a sub row without notBefore revokes nothing; no rows, no verdict", () => {
    expect(verdictFor([{ key: "sub:u", expiresAt: new Date(NOW + HOUR), notBefore: null }], NOW - HOUR)).toBeNull();
    expect(verdictFor([], NOW)).toBeNull();
  });

  it("prefers the jti verdict when both match", () => {
    const rows = [
      { key: "sub:u", expiresAt: new Date(NOW + HOUR), notBefore: new Date(NOW) },
      { key: "jti:x", expiresAt: new Date(NOW + HOUR), notBefore: null },
    ];
    expect(verdictFor(rows, NOW - SEC)).toBe("jti");
  });
});

denylistContract("MemoryDenylistStore", async () => {
  let store = new MemoryDenylistStore();
  return {
    get store() {
      return store;
    },
    lab: "default",
    otherLab: async () => newLabId(),
    reset: async () => {
      store = new MemoryDenylistStore();
    },
    close: async () => undefined,
  };
});

denylistContract("PrismaDenylistStore (SQLite)", async () => {
  const testDb: TestDb = await createTestDb();
  return {
    store: new PrismaDenylistStore(testDb.db),
    lab: "default",
    otherLab: () => insertLab(testDb.db),
    reset: () => testDb.reset(),
    close: () => testDb.close(),
  };
});

const postgres = await postgresGate("denylist-stores.test");
describe.skipIf(postgres.skip)("with PostgreSQL", () => {
  denylistContract("PrismaDenylistStore (PostgreSQL)", async () => {
    postgres.require();
    const testDb = await createPgTestDb();
    return { store: new PrismaDenylistStore(testDb.db), lab: "default", otherLab: () => insertLab(testDb.db), reset: () => testDb.reset(), close: () => testDb.close() };
  });
});

const redis = await redisGate("denylist-stores.test");
describe.skipIf(redis.skip)("with Redis", () => {
  denylistContract("RedisDenylistStore", async () => {
    redis.require();
    const testRedis = createTestRedis();
    return { store: new RedisDenylistStore(testRedis.backend), lab: "default", otherLab: async () => newLabId(), reset: () => testRedis.reset(), close: () => testRedis.close() };
  });
});
