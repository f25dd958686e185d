import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, insertLab, insertUser, type TestDb } from "@/test/sqlite-db";
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
    data: { id, labId: "default", userId, createdAt: T, lastSeenAt: T, idleExpiresAt: new Date(T.getTime() + 1800_000), absoluteExpiresAt: new Date(T.getTime() + 8 * 3600_000), userAgent: "ua" },
  });
}

describe("hot reads on SQLite: the prepared-statement path answers exactly as Prisma does", () => {
  it("reads a session and a user with the same values and types Prisma returns", async () => {
    const user = await insertUser(testDb.db, { role: "admin" });
    const created = await session(user.id);
    expect(await reads.sessionById("default", created.id)).toEqual(await testDb.db.session.findUnique({ where: { id: created.id } }));
    const viaPrisma = await testDb.db.user.findUnique({ where: { id: user.id } });
    expect(viaPrisma).not.toBeNull();
    // Every field a UserRow has (updatedAt is not one of them).
    expect(await reads.userById("default", user.id)).toEqual({
      id: viaPrisma?.id,
      labId: viaPrisma?.labId,
      email: viaPrisma?.email,
      passwordHash: viaPrisma?.passwordHash,
      role: viaPrisma?.role,
      disabled: viaPrisma?.disabled,
      createdAt: viaPrisma?.createdAt,
    });
    expect((await reads.userById("default", user.id))?.disabled).toBe(false);
    // The session and its user in one query, as each alone.
    expect(await reads.sessionWithUser("default", created.id)).toEqual({ session: await reads.sessionById("default", created.id), user: await reads.userById("default", user.id) });
  });

  it("keys by lab: the right id in another lab finds nothing", async () => {
    const user = await insertUser(testDb.db);
    const created = await session(user.id);
    const other = await insertLab(testDb.db);
    expect(await reads.sessionById(other, created.id)).toBeNull();
    expect(await reads.sessionWithUser(other, created.id)).toBeNull();
    expect(await reads.userById(other, user.id)).toBeNull();
  });

  it("answers null for ids that do not exist, including SQL-looking ones", async () => {
    expect(await reads.sessionById("default", "nope")).toBeNull();
    expect(await reads.sessionWithUser("default", "' OR 1=1 --")).toBeNull();
    expect(await reads.userById("default", "' OR 1=1 --")).toBeNull();
  });

  it("sees every write Prisma commits at once: a deleted session, a disabled user, a new role", async () => {
    const user = await insertUser(testDb.db);
    const created = await session(user.id);
    expect(await reads.sessionById("default", created.id)).not.toBeNull();
    await testDb.db.user.update({ where: { id: user.id }, data: { disabled: true, role: "admin" } });
    expect(await reads.userById("default", user.id)).toMatchObject({ disabled: true, role: "admin" });
    expect((await reads.sessionWithUser("default", created.id))?.user).toMatchObject({ disabled: true, role: "admin" });
    await testDb.db.session.deleteMany({ where: { id: created.id } });
    expect(await reads.sessionById("default", created.id)).toBeNull();
  });
});
