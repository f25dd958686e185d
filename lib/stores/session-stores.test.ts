import { createPgTestDb, RELAXED_TIMEOUT_MS } from "@/test/pg-db";
import { createTestRedis } from "@/test/redis";
import { postgresGate, redisGate } from "@/test/services";
import { createTestDb, insertLab, insertUser } from "@/test/sqlite-db";
import { newLabId } from "../labs/lab-id";
import { describe } from "vitest";
import { postgresHotReads, sqliteHotReads } from "../db/hot-reads";
import { MemorySessionStore } from "./memory-session-store";
import { PrismaSessionStore } from "./prisma-session-store";
import { RedisSessionStore } from "./redis-session-store";
import { sessionStoreContract } from "./session-store.contract";

sessionStoreContract("MemorySessionStore", async () => {
  let store = new MemorySessionStore();
  let next = 0;
  return {
    get store() {
      return store;
    },
    lab: "default",
    otherLab: async () => newLabId(),
    createUser: async () => `memory-user-${++next}`,
    reset: async () => {
      store = new MemorySessionStore();
    },
    close: async () => undefined,
  };
});

sessionStoreContract("PrismaSessionStore (SQLite)", async () => {
  const testDb = await createTestDb();
  return {
    store: new PrismaSessionStore(testDb.db),
    lab: "default",
    otherLab: () => insertLab(testDb.db),
    createUser: async (lab?: string) => (await insertUser(testDb.db, { labId: lab })).id,
    reset: () => testDb.reset(),
    close: () => testDb.close(),
  };
});

sessionStoreContract("PrismaSessionStore with hot reads (SQLite)", async () => {
  const testDb = await createTestDb();
  const reads = sqliteHotReads(testDb.url);
  return {
    store: new PrismaSessionStore(testDb.db, reads),
    lab: "default",
    otherLab: () => insertLab(testDb.db),
    createUser: async (lab?: string) => (await insertUser(testDb.db, { labId: lab })).id,
    reset: () => testDb.reset(),
    close: async () => {
      await reads.close();
      await testDb.close();
    },
  };
});

const postgres = await postgresGate("session-stores.test");
describe.skipIf(postgres.skip)("with PostgreSQL", () => {
  sessionStoreContract("PrismaSessionStore (PostgreSQL)", async () => {
    postgres.require();
    const testDb = await createPgTestDb();
    return {
      store: new PrismaSessionStore(testDb.db),
      lab: "default",
      otherLab: () => insertLab(testDb.db),
      createUser: async (lab?: string) => (await insertUser(testDb.db, { labId: lab })).id,
      reset: () => testDb.reset(),
      close: () => testDb.close(),
    };
  });
  sessionStoreContract("PrismaSessionStore with hot reads (PostgreSQL)", async () => {
    postgres.require();
    const testDb = await createPgTestDb();
    const reads = postgresHotReads(testDb.url, { timeoutMs: RELAXED_TIMEOUT_MS });
    return {
      store: new PrismaSessionStore(testDb.db, reads),
      lab: "default",
      otherLab: () => insertLab(testDb.db),
      createUser: async (lab?: string) => (await insertUser(testDb.db, { labId: lab })).id,
      reset: () => testDb.reset(),
      close: async () => {
        await reads.close();
        await testDb.close();
      },
    };
  });
});

const redis = await redisGate("session-stores.test");
describe.skipIf(redis.skip)("with Redis", () => {
  sessionStoreContract("RedisSessionStore", async () => {
    redis.require();
    const testRedis = createTestRedis();
    let next = 0;
    return {
      store: new RedisSessionStore(testRedis.backend),
      lab: "default",
      otherLab: async () => newLabId(),
      createUser: async () => `redis-user-${++next}`,
      reset: () => testRedis.reset(),
      close: () => testRedis.close(),
    };
  });
});
