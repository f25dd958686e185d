import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, insertUser, type TestDb } from "@/test/sqlite-db";
import { sqliteHotReads, type HotReads } from "./hot-reads";

let testDb: TestDb;
let reads: HotReads;

beforeAll(async () => {
  testDb = await createTestDb();
  reads = sqliteHotReads(testDb.url);
});
afterAll(async () => {
  await reads.close();
  await testDb.close();
});
beforeEach(async () => {
  await testDb.reset();
});

const T = new Date("2031-05-06T07:08:09.123Z");

async function session(userId: string, id = crypto.randomUUID()) {
  return testDb.db.session.create({
    data: { id, userId, createdAt: T, lastSeenAt: T, idleExpiresAt: new Date(T.getTime() + 1800_000), absoluteExpiresAt: new Date(T.getTime() + 8 * 3600_000), userAgent: "ua" },
  });
}

describe("hot reads on SQLite: the prepared-statement path answers exactly as Prisma does", () => {
  it("reads a session and a user with the same values and types Prisma returns", async () => {
    const user = await insertUser(testDb.db, { role: "admin" });
    const created = await session(user.id);
    expect(await reads.sessionById(created.id)).toEqual(await testDb.db.session.findUnique({ where: { id: created.id } }));
    const viaPrisma = await testDb.db.user.findUnique({ where: { id: user.id } });
    expect(viaPrisma).not.toBeNull();
    // Every field a UserRow has (updatedAt is not one of them).
    expect(await reads.userById(user.id)).toEqual({
      id: viaPrisma?.id,
      email: viaPrisma?.email,
      passwordHash: viaPrisma?.passwordHash,
      role: viaPrisma?.role,
      disabled: viaPrisma?.disabled,
      createdAt: viaPrisma?.createdAt,
    });
    expect((await reads.userById(user.id))?.disabled).toBe(false);
  });

  it("answers null for ids that do not exist, including SQL-looking ones", async () => {
    expect(await reads.sessionById("nope")).toBeNull();
    expect(await reads.userById("' OR 1=1 --")).toBeNull();
  });

  it("sees every write Prisma commits at once: a deleted session, a disabled user, a new role", async () => {
    const user = await insertUser(testDb.db);
    const created = await session(user.id);
    expect(await reads.sessionById(created.id)).not.toBeNull();
    await testDb.db.session.deleteMany({ where: { id: created.id } });
    expect(await reads.sessionById(created.id)).toBeNull();

    await testDb.db.user.update({ where: { id: user.id }, data: { disabled: true, role: "admin" } });
    expect(await reads.userById(user.id)).toMatchObject({ disabled: true, role: "admin" });
  });
});
