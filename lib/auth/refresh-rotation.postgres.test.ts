// Concurrent refreshes on PostgreSQL, where requests really run in parallel on separate connections
// (SQLite serialises writers, so its version of this test cannot show a race): 10 and 50 refreshes
// with one token, spread over two app instances (two clients, two connection pools), at the same
// moment. README "Refresh rotation": exactly one creates the only successor, and within the grace
// window every other request is handed that same successor (a retry never becomes a logout);
// after it, a replay is 401 REFRESH_TOKEN_REUSED and the family dies. Never a thrown error (a 500),
// never a forked family. docs/SECURITY.md "Refresh tokens".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_LAB, testSettings } from "@/test/auth-fixtures";
import { createPgTestDb, RELAXED_TIMEOUT_MS, type PgTestDb } from "@/test/pg-db";
import { postgresGate } from "@/test/services";
import { insertUser } from "@/test/sqlite-db";
import { sha256Hex } from "../crypto";
import { createPrismaClient, type Db } from "../db/client";
import { type RefreshTokenService, type RotateResult } from "./refresh-tokens";
import { refreshService } from "@/test/refresh-service";

const PARALLEL = 10;
const ROUNDS = 5;
const MANY = 50;
const GRACE_SECONDS = 10;

type Outcome = "ok" | "REFRESH_TOKEN_RACE" | "REFRESH_TOKEN_REUSED" | "threw" | string;

function outcomeOf(settled: PromiseSettledResult<RotateResult>): Outcome {
  if (settled.status === "rejected") return "threw";
  return settled.value.ok ? "ok" : settled.value.code;
}

const postgres = await postgresGate("refresh-rotation.postgres.test");
describe.skipIf(postgres.skip)("refresh rotation on PostgreSQL under concurrency", () => {
  let testDb: PgTestDb;
  let secondInstance: Db;
  let instances: RefreshTokenService[];
  let userId: string;

  beforeAll(async () => {
    postgres.require();
    testDb = await createPgTestDb();
    secondInstance = createPrismaClient(testDb.url, { timeoutMs: RELAXED_TIMEOUT_MS });
    instances = [refreshService(testDb.db), refreshService(secondInstance)];
  });
  afterAll(async () => {
    await secondInstance?.$disconnect();
    await testDb?.close();
  });
  beforeEach(async () => {
    await testDb.reset();
    userId = (await insertUser(testDb.db)).id;
  });

  async function parallelRotations(token: string, now: number, count = PARALLEL): Promise<{ outcomes: Outcome[]; results: PromiseSettledResult<RotateResult>[] }> {
    const settings = testSettings({ refreshGraceSeconds: GRACE_SECONDS });
    const results = await Promise.allSettled(
      Array.from({ length: count }, (_, i) => (instances[i % instances.length] as RefreshTokenService).rotate(token, TEST_LAB, now, settings)),
    );
    return { outcomes: results.map(outcomeOf), results };
  }

  /** Every successful answer of one round: they must all hand out one and the same token. */
  function handedOut(results: PromiseSettledResult<RotateResult>[]): { tokens: Set<string>; created: number } {
    const ok = results.flatMap((r) => (r.status === "fulfilled" && r.value.ok ? [r.value] : []));
    return { tokens: new Set(ok.map((r) => r.issued.token)), created: ok.filter((r) => !r.retried).length };
  }

  it.each([
    [PARALLEL, ROUNDS],
    [MANY, 2],
  ])("regression: %i parallel refreshes with one token, %i rounds: one successor each round, handed to every request, no fork", async (count, rounds) => {
    const settings = testSettings({ refreshGraceSeconds: GRACE_SECONDS });
    const now = Date.now();
    const family = await instances[0]!.startFamily(TEST_LAB, userId, now, settings);
    let token = family.token;
    for (let round = 1; round <= rounds; round++) {
      const { outcomes, results } = await parallelRotations(token, now + round * 1000, count);
      expect(outcomes.filter((o) => o !== "ok"), `round ${round}: ${outcomes.join(", ")}`).toEqual([]);
      const { tokens: given, created } = handedOut(results);
      expect(created, `round ${round}: exactly one request created the successor`).toBe(1);
      expect(given.size, `round ${round}: every request holds the same successor`).toBe(1);
      const successor = [...given][0] ?? "";

      // Exactly one live token in the family — the one handed out — and every token has at most one child.
      const tokens = await testDb.db.refreshToken.findMany({ where: { familyId: family.familyId } });
      expect(tokens).toHaveLength(round + 1);
      const live = tokens.filter((t) => t.usedAt === null && t.revokedAt === null);
      expect(live.map((t) => t.tokenHash)).toEqual([sha256Hex(successor)]);
      const children = new Map<string, number>();
      for (const t of tokens) if (t.parentId) children.set(t.parentId, (children.get(t.parentId) ?? 0) + 1);
      expect([...children.values()].every((n) => n === 1)).toBe(true);
      token = successor;
    }
    expect((await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: family.familyId } })).revokedAt).toBeNull();
  });

  it(`${PARALLEL} parallel replays of a spent token after the grace window: all 401 REUSED, the family revoked, nothing created`, async () => {
    const settings = testSettings({ refreshGraceSeconds: GRACE_SECONDS });
    const now = Date.now();
    const family = await instances[0]!.startFamily(TEST_LAB, userId, now, settings);
    const rotated = await instances[1]!.rotate(family.token, TEST_LAB, now, settings);
    expect(rotated.ok).toBe(true);

    const { outcomes } = await parallelRotations(family.token, now + (GRACE_SECONDS + 1) * 1000);
    expect(new Set(outcomes)).toEqual(new Set(["REFRESH_TOKEN_REUSED"]));
    expect(await testDb.db.refreshToken.count({ where: { familyId: family.familyId } })).toBe(2);
    const revoked = await testDb.db.refreshFamily.findUniqueOrThrow({ where: { id: family.familyId } });
    expect(revoked.revokeReason).toBe("REUSE_DETECTED");
    // The legitimate holder's successor dies with the family: theft ends the whole chain.
    if (rotated.ok) expect((await instances[0]!.rotate(rotated.issued.token, TEST_LAB, now + 20_000, settings)).ok).toBe(false);
  });
});
