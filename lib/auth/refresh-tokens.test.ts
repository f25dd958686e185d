import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEAL_PASSWORD, T0, TEST_LAB, testSettings } from "@/test/auth-fixtures";
import { createTestDb, insertUser, type TestDb } from "@/test/sqlite-db";
import { sha256Hex } from "../crypto";
import type { Settings } from "../settings/schema";
import { type RefreshTokenService, type RotateResult } from "./refresh-tokens";
import { refreshService } from "@/test/refresh-service";

const SEC = 1000;

let testDb: TestDb;
let service: RefreshTokenService;
let userId: string;

function code(result: RotateResult): string {
  return result.ok ? "ok" : result.code;
}

async function rotateOk(token: string, now: number, settings: Settings = testSettings()): Promise<string> {
  const result = await service.rotate(token, TEST_LAB, now, settings);
  if (!result.ok) throw new Error(`rotation at +${(now - T0) / SEC}s failed: ${result.code}`);
  return result.issued.token;
}

async function familyTokens(familyId: string) {
  return testDb.db.refreshToken.findMany({ where: { familyId }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  testDb = await createTestDb();
  service = refreshService(testDb.db);
});
afterAll(async () => {
  await testDb.close();
});
beforeEach(async () => {
  await testDb.reset();
  userId = (await insertUser(testDb.db)).id;
});

describe("refresh tokens: issue and storage (docs/SECURITY.md § Refresh tokens)", () => {
  it("issues an opaque 256-bit token and stores only its SHA-256", async () => {
    const settings = testSettings({ refreshTtlSeconds: 86_400, refreshIdleSeconds: 3600 });
    const issued = await service.startFamily(TEST_LAB, userId, T0, settings);
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(issued.token, "base64url")).toHaveLength(32);
    expect(issued.token.split(".")).toHaveLength(1); // not a JWT

    const rows = await familyTokens(issued.familyId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(sha256Hex(issued.token));
    const everything = JSON.stringify([rows, await testDb.db.refreshFamily.findMany(), await testDb.db.authEvent.findMany()]);
    expect(everything).not.toContain(issued.token);

    const family = await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: issued.familyId } });
    expect(family.userId).toBe(userId);
    expect(family.absoluteExpiresAt.getTime()).toBe(T0 + 86_400 * SEC);
    expect(issued.expiresAt.getTime()).toBe(T0 + 3600 * SEC);
    expect(rows[0]?.expiresAt.getTime()).toBe(T0 + 3600 * SEC);
  });

  it("gives every family a distinct token", async () => {
    const a = await service.startFamily(TEST_LAB, userId, T0, testSettings());
    const b = await service.startFamily(TEST_LAB, userId, T0, testSettings());
    expect(a.token).not.toBe(b.token);
    expect(a.familyId).not.toBe(b.familyId);
  });

  it.each([
    ["undefined", undefined, "REFRESH_TOKEN_MISSING"],
    ["empty", "", "REFRESH_TOKEN_MISSING"],
    ["garbage", "garbage", "REFRESH_TOKEN_INVALID"],
    ["an unknown well-formed token", "A".repeat(43), "REFRESH_TOKEN_INVALID"],
    ["a SQL-looking string", "' OR 1=1 --", "REFRESH_TOKEN_INVALID"],
    ["a JWT", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "REFRESH_TOKEN_INVALID"],
    ["a 44-character token", "A".repeat(44), "REFRESH_TOKEN_INVALID"],
  ])("refuses %s", async (_label, token, expected) => {
    expect(code(await service.rotate(token, TEST_LAB, T0, testSettings()))).toBe(expected);
  });
});

describe("refresh tokens: rotation (docs/SECURITY.md § Refresh tokens)", () => {
  it("rotates into a new token of the same family, spending the old one", async () => {
    const first = await service.startFamily(TEST_LAB, userId, T0, testSettings());
    const result = await service.rotate(first.token, TEST_LAB, T0 + 60 * SEC, testSettings());
    if (!result.ok) throw new Error(result.code);
    expect(result.userId).toBe(userId);
    expect(result.issued.familyId).toBe(first.familyId);
    expect(result.issued.token).not.toBe(first.token);
    const [parent, child] = await familyTokens(first.familyId);
    expect(parent?.usedAt?.getTime()).toBe(T0 + 60 * SEC);
    expect(child?.parentId).toBe(parent?.id);
    expect(child?.tokenHash).toBe(sha256Hex(result.issued.token));
    expect(child?.usedAt).toBeNull();
  });

  it("is single use: the spent token never rotates again", async () => {
    const first = await service.startFamily(TEST_LAB, userId, T0, testSettings());
    await rotateOk(first.token, T0 + SEC);
    const again = await service.rotate(first.token, TEST_LAB, T0 + 60 * SEC, testSettings());
    expect(again.ok).toBe(false);
  });

  it("reuse after the grace window → REFRESH_TOKEN_REUSED, the whole family revoked (descendants too) and recorded", async () => {
    const settings = testSettings({ refreshGraceSeconds: 10 });
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    const second = await rotateOk(first.token, T0 + 60 * SEC, settings);
    const live = await rotateOk(second, T0 + 120 * SEC, settings);
    const other = await service.startFamily(TEST_LAB, userId, T0, settings); // another device: untouched

    const stolen = await service.rotate(first.token, TEST_LAB, T0 + 200 * SEC, settings);
    expect(stolen).toEqual({ ok: false, code: "REFRESH_TOKEN_REUSED", familyId: first.familyId });

    const family = await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: first.familyId } });
    expect(family.revokedAt?.getTime()).toBe(T0 + 200 * SEC);
    expect(family.revokeReason).toBe("REUSE_DETECTED");
    const tokens = await familyTokens(first.familyId);
    expect(tokens).toHaveLength(3);
    expect(tokens.every((t) => t.revokedAt?.getTime() === T0 + 200 * SEC)).toBe(true);
    // The legitimate holder's live descendant is dead too: the thief and the victim both start over.
    expect(code(await service.rotate(live, TEST_LAB, T0 + 201 * SEC, settings))).toBe("REFRESH_TOKEN_REVOKED");

    const events = await testDb.db.authEvent.findMany({ where: { kind: "REFRESH_TOKEN_REUSED" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId, familyId: first.familyId, at: new Date(T0 + 200 * SEC) });
    expect(JSON.parse(events[0]?.detail ?? "{}")).toEqual({ spentAt: new Date(T0 + 60 * SEC).toISOString() });

    expect((await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: other.familyId } })).revokedAt).toBeNull();
    expect((await service.rotate(other.token, TEST_LAB, T0 + 202 * SEC, settings)).ok).toBe(true);
  });

  it("reuse of a middle token is detected too", async () => {
    const settings = testSettings({ refreshGraceSeconds: 0 });
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    const middle = await rotateOk(first.token, T0 + SEC, settings);
    const live = await rotateOk(middle, T0 + 2 * SEC, settings);
    expect(code(await service.rotate(middle, TEST_LAB, T0 + 3 * SEC, settings))).toBe("REFRESH_TOKEN_REUSED");
    expect(code(await service.rotate(live, TEST_LAB, T0 + 4 * SEC, settings))).toBe("REFRESH_TOKEN_REVOKED");
  });

  it("a retry inside the grace window with the immediate parent gets the same successor back: nothing revoked, nothing new", async () => {
    const settings = testSettings({ refreshGraceSeconds: 10 });
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    const next = await rotateOk(first.token, T0, settings);
    for (const offset of [0, 1, 5_000, 10_000]) {
      const retry = await service.rotate(first.token, TEST_LAB, T0 + offset, settings);
      expect(retry).toMatchObject({ ok: true, retried: true, userId, issued: { token: next, familyId: first.familyId } });
    }
    expect((await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: first.familyId } })).revokedAt).toBeNull();
    expect(await testDb.db.refreshToken.count({ where: { revokedAt: { not: null } } })).toBe(0);
    expect(await testDb.db.authEvent.count()).toBe(0);
    expect(await testDb.db.refreshToken.count({ where: { familyId: first.familyId } })).toBe(2);
    // The successor the retries were handed is the one live token, and it rotates normally.
    expect((await service.rotate(next, TEST_LAB, T0 + 11 * SEC, settings)).ok).toBe(true);
  });

  it("the successor is kept only sealed, and only until it is spent itself", async () => {
    const settings = testSettings({ refreshGraceSeconds: 10 });
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    const next = await rotateOk(first.token, T0, settings);
    const parent = await testDb.db.refreshToken.findUniqueOrThrow({ where: { tokenHash: sha256Hex(first.token) } });
    expect(parent.successorSeal).toMatch(/^Fe26\.2\*/);
    expect(JSON.stringify(await familyTokens(first.familyId))).not.toContain(next);
    await rotateOk(next, T0 + SEC, settings);
    expect((await testDb.db.refreshToken.findUniqueOrThrow({ where: { id: parent.id } })).successorSeal).toBeNull();
  });

  it("the grace window ends exactly at refreshGraceSeconds: a replay after it is theft", async () => {
    const settings = testSettings({ refreshGraceSeconds: 10 });
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    await rotateOk(first.token, T0, settings);
    expect(await service.rotate(first.token, TEST_LAB, T0 + 10 * SEC, settings)).toMatchObject({ ok: true, retried: true });
    expect(code(await service.rotate(first.token, TEST_LAB, T0 + 10 * SEC + 1, settings))).toBe("REFRESH_TOKEN_REUSED");
  });

  it("inside the window, a grandparent (its successor already spent) is theft: the family is revoked", async () => {
    const settings = testSettings({ refreshGraceSeconds: 10 });
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    const second = await rotateOk(first.token, T0, settings);
    const third = await rotateOk(second, T0 + SEC, settings);
    // The immediate parent of the live token is still a retry…
    expect(await service.rotate(second, TEST_LAB, T0 + 2 * SEC, settings)).toMatchObject({ ok: true, retried: true, issued: { token: third } });
    // …its own parent is not.
    expect(code(await service.rotate(first.token, TEST_LAB, T0 + 3 * SEC, settings))).toBe("REFRESH_TOKEN_REUSED");
    expect(code(await service.rotate(third, TEST_LAB, T0 + 4 * SEC, settings))).toBe("REFRESH_TOKEN_REVOKED");
  });

  it("a sealed successor this server cannot open (its password is gone) is a 409 RACE: nothing changes", async () => {
    const settings = testSettings({ refreshGraceSeconds: 10 });
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    const next = await rotateOk(first.token, T0, settings);
    const rotatedPasswords = refreshService(testDb.db, { "2": `${SEAL_PASSWORD}-rotated` });
    expect(code(await rotatedPasswords.rotate(first.token, TEST_LAB, T0 + SEC, settings))).toBe("REFRESH_TOKEN_RACE");
    expect((await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: first.familyId } })).revokedAt).toBeNull();
    expect((await service.rotate(next, TEST_LAB, T0 + 2 * SEC, settings)).ok).toBe(true);
  });

  it.each([10, 50])("regression: %i concurrent rotations of one token all get the one successor: the family never forks", async (count) => {
    const settings = testSettings({ refreshGraceSeconds: 10 });
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    const results = await Promise.all(Array.from({ length: count }, () => service.rotate(first.token, TEST_LAB, T0 + SEC, settings)));
    expect(results.map(code)).toEqual(Array(count).fill("ok"));
    expect(results.filter((r) => r.ok && !r.retried)).toHaveLength(1);
    const handedOut = new Set(results.map((r) => (r.ok ? r.issued.token : "")));
    expect(handedOut.size).toBe(1);

    const tokens = await familyTokens(first.familyId);
    expect(tokens).toHaveLength(2);
    const live = tokens.filter((t) => t.usedAt === null && t.revokedAt === null);
    expect(live).toHaveLength(1);
    expect(sha256Hex([...handedOut][0] ?? "")).toBe(live[0]?.tokenHash);
    expect((await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: first.familyId } })).revokedAt).toBeNull();
  });

  it("10 concurrent rotations after the grace window: nobody wins, nothing forks, the family is revoked", async () => {
    const settings = testSettings({ refreshGraceSeconds: 10 });
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    await rotateOk(first.token, T0, settings);
    const results = await Promise.all(Array.from({ length: 10 }, () => service.rotate(first.token, TEST_LAB, T0 + 60 * SEC, settings)));
    expect(new Set(results.map(code))).toEqual(new Set(["REFRESH_TOKEN_REUSED"]));
    expect(await testDb.db.refreshToken.count({ where: { familyId: first.familyId } })).toBe(2);
    expect((await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: first.familyId } })).revokeReason).toBe("REUSE_DETECTED");
  });
});

describe("refresh tokens: lifetimes (docs/SECURITY.md § Refresh tokens)", () => {
  const settings = testSettings({ refreshTtlSeconds: 3600, refreshIdleSeconds: 600 });

  it("a token unused for the idle lifetime expires, exactly at its deadline", async () => {
    const a = await service.startFamily(TEST_LAB, userId, T0, settings);
    expect((await service.rotate(a.token, TEST_LAB, T0 + 600 * SEC - 1, settings)).ok).toBe(true);
    const b = await service.startFamily(TEST_LAB, userId, T0, settings);
    expect(await service.rotate(b.token, TEST_LAB, T0 + 600 * SEC, settings)).toEqual({ ok: false, code: "REFRESH_TOKEN_EXPIRED", familyId: b.familyId });
    // Expiry is not theft: nothing revoked, nothing recorded.
    expect((await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: b.familyId } })).revokedAt).toBeNull();
    expect(await testDb.db.authEvent.count()).toBe(0);
  });

  it("each rotation extends the idle deadline but never past the family's absolute lifetime", async () => {
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    let token = first.token;
    for (const offset of [500, 1000, 1500, 2000, 2500, 3000, 3500]) {
      const result = await service.rotate(token, TEST_LAB, T0 + offset * SEC, settings);
      if (!result.ok) throw new Error(`+${offset}s: ${result.code}`);
      expect(result.issued.expiresAt.getTime()).toBe(Math.min(T0 + (offset + 600) * SEC, T0 + 3600 * SEC));
      token = result.issued.token;
    }
    expect(code(await service.rotate(token, TEST_LAB, T0 + 3600 * SEC, settings))).toBe("REFRESH_TOKEN_EXPIRED");
  });

  it("the family's absolute lifetime wins even over a token whose own deadline is later", async () => {
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    await testDb.db.refreshToken.updateMany({ where: { familyId: first.familyId }, data: { expiresAt: new Date(T0 + 10 * 3600 * SEC) } });
    expect(code(await service.rotate(first.token, TEST_LAB, T0 + 3600 * SEC, settings))).toBe("REFRESH_TOKEN_EXPIRED");
  });
});

describe("refresh tokens: revocation (docs/SECURITY.md § Refresh tokens)", () => {
  it("revokeByToken revokes the token's whole family (logout) and ignores unknown tokens", async () => {
    const settings = testSettings();
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    const live = await rotateOk(first.token, T0 + SEC, settings);
    const other = await service.startFamily(TEST_LAB, userId, T0, settings);
    expect(await service.revokeByToken(first.token, TEST_LAB, T0 + 2 * SEC, "LOGOUT")).toBe(first.familyId);
    const family = await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: first.familyId } });
    expect([family.revokedAt?.getTime(), family.revokeReason]).toEqual([T0 + 2 * SEC, "LOGOUT"]);
    expect(code(await service.rotate(live, TEST_LAB, T0 + 3 * SEC, settings))).toBe("REFRESH_TOKEN_REVOKED");
    expect((await service.rotate(other.token, TEST_LAB, T0 + 3 * SEC, settings)).ok).toBe(true);

    expect(await service.revokeByToken(undefined, TEST_LAB, T0, "LOGOUT")).toBeNull();
    expect(await service.revokeByToken("garbage", TEST_LAB, T0, "LOGOUT")).toBeNull();
    expect(await service.revokeByToken("B".repeat(43), TEST_LAB, T0, "LOGOUT")).toBeNull();
  });

  it("revoking twice keeps the first reason and time", async () => {
    const first = await service.startFamily(TEST_LAB, userId, T0, testSettings());
    await service.revokeFamily(first.familyId, T0 + SEC, "LOGOUT");
    await service.revokeFamily(first.familyId, T0 + 2 * SEC, "ADMIN_REVOKED");
    const family = await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: first.familyId } });
    expect([family.revokedAt?.getTime(), family.revokeReason]).toEqual([T0 + SEC, "LOGOUT"]);
  });

  it("revokeAllForUser revokes every live family of that user only, and records it", async () => {
    const settings = testSettings();
    const a = await service.startFamily(TEST_LAB, userId, T0, settings);
    const b = await service.startFamily(TEST_LAB, userId, T0, settings);
    const bystander = await insertUser(testDb.db);
    const c = await service.startFamily(TEST_LAB, bystander.id, T0, settings);

    expect(await service.revokeAllForUser(TEST_LAB, userId, T0 + SEC, "LOGOUT_ALL")).toBe(2);
    for (const t of [a.token, b.token]) expect(code(await service.rotate(t, TEST_LAB, T0 + 2 * SEC, settings))).toBe("REFRESH_TOKEN_REVOKED");
    expect((await service.rotate(c.token, TEST_LAB, T0 + 2 * SEC, settings)).ok).toBe(true);
    const families = await testDb.db.refreshFamily.findMany({ where: { userId } });
    expect(families.map((f) => f.revokeReason)).toEqual(["LOGOUT_ALL", "LOGOUT_ALL"]);

    const events = await testDb.db.authEvent.findMany({ where: { kind: "REFRESH_FAMILIES_REVOKED" } });
    expect(events).toHaveLength(1);
    expect(events[0]?.userId).toBe(userId);
    expect(JSON.parse(events[0]?.detail ?? "{}")).toEqual({ reason: "LOGOUT_ALL", families: 2 });

    expect(await service.revokeAllForUser(TEST_LAB, userId, T0 + 3 * SEC, "LOGOUT_ALL")).toBe(0);
    expect(await testDb.db.authEvent.count({ where: { kind: "REFRESH_FAMILIES_REVOKED" } })).toBe(1);
  });

  it("a revoked family's spent token reports REVOKED, not REUSED (no second event)", async () => {
    const settings = testSettings({ refreshGraceSeconds: 0 });
    const first = await service.startFamily(TEST_LAB, userId, T0, settings);
    await rotateOk(first.token, T0 + SEC, settings);
    await service.revokeByToken(first.token, TEST_LAB, T0 + 2 * SEC, "LOGOUT");
    expect(code(await service.rotate(first.token, TEST_LAB, T0 + 60 * SEC, settings))).toBe("REFRESH_TOKEN_REVOKED");
    expect(await testDb.db.authEvent.count()).toBe(0);
  });
});
