import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, insertLab, insertUser, type TestDb } from "@/test/sqlite-db";
import { StoreUnavailableError } from "../errors";
import { MemorySessionStore } from "../stores/memory-session-store";
import { PrismaSessionStore } from "../stores/prisma-session-store";
import { sessionStoreProvider } from "../stores/session-store-provider";
import type { SessionRecord, SessionStore } from "../stores/types";
import { restartMemorySessions } from "./memory-restart";

let testDb: TestDb;
let memory: MemorySessionStore;
let database: PrismaSessionStore;
let lab: string;
let otherLab: string;

function record(id: string, labId: string, userId: string): SessionRecord {
  const now = Date.now();
  return { id, labId, userId, createdAt: new Date(now), lastSeenAt: new Date(now), idleExpiresAt: new Date(now + 60_000), absoluteExpiresAt: new Date(now + 3_600_000), userAgent: null };
}

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb.close();
});
beforeEach(async () => {
  await testDb.reset();
  memory = new MemorySessionStore();
  database = new PrismaSessionStore(testDb.db);
  lab = await insertLab(testDb.db);
  otherLab = await insertLab(testDb.db);
});

describe("restarting a lab's memory store (what a process restart does to memory sessions)", () => {
  it("empties the lab's memory sessions for real; its database sessions and another lab's memory sessions stay", async () => {
    const alice = (await insertUser(testDb.db, { labId: lab })).id;
    const bob = (await insertUser(testDb.db, { labId: otherLab })).id;
    await memory.create(record("m1", lab, alice));
    await memory.create(record("m2", lab, alice));
    await database.create(record("d1", lab, alice));
    await memory.create(record("other", otherLab, bob));

    const report = await restartMemorySessions(sessionStoreProvider({ memory, database }, "database"), lab, 200);

    expect(report).toEqual({ labId: lab, droppedSessions: 2, kept: [{ kind: "database", sessions: 1 }] });
    expect(await memory.get(lab, "m1")).toBeNull();
    expect(await memory.listAll(lab, 10)).toEqual([]);
    expect(await database.get(lab, "d1")).not.toBeNull();
    expect(await memory.get(otherLab, "other")).not.toBeNull();
    // A second restart finds nothing left to drop.
    expect((await restartMemorySessions(sessionStoreProvider({ memory, database }, "database"), lab, 200)).droppedSessions).toBe(0);
  });

  it("is not stopped by another store that is down: that store is counted as unknown", async () => {
    const alice = (await insertUser(testDb.db, { labId: lab })).id;
    await memory.create(record("m1", lab, alice));
    const down: SessionStore = Object.assign(Object.create(database) as PrismaSessionStore, {
      listAll: () => Promise.reject(new StoreUnavailableError("redis is unavailable", { backend: "redis" })),
      kind: "redis" as const,
    });

    const report = await restartMemorySessions(sessionStoreProvider({ memory, database, redis: down }, "memory"), lab, 200);

    expect(report.droppedSessions).toBe(1);
    expect(report.kept).toEqual([
      { kind: "database", sessions: 0 },
      { kind: "redis", sessions: null },
    ]);
    expect(await memory.get(lab, "m1")).toBeNull();
  });
});
