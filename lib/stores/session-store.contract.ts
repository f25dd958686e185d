import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runWithTrace } from "../trace/context";
import { Trace } from "../trace/trace";
import type { SessionRecord, SessionStore } from "./types";

export interface SessionStoreHarness {
  store: SessionStore;
  /** The lab the cases act in (the default lab, which the migrations create). */
  lab: string;
  /** Another lab of the same backing, for the isolation cases. */
  otherLab(): Promise<string>;
  /** Creates a user in `lab` (the default: the harness's) the store may reference (a database store has a foreign key). */
  createUser(lab?: string): Promise<string>;
  /** Empties the backing storage between cases. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const T0 = Date.UTC(2031, 4, 6, 7, 8, 9, 123);
const MINUTE = 60_000;
let counter = 0;

function record(userId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  counter++;
  const createdAt = overrides.createdAt ?? new Date(T0 + counter);
  return {
    id: `${counter.toString(16).padStart(8, "0")}${"ab".repeat(28)}`,
    labId: "default",
    userId,
    createdAt,
    lastSeenAt: createdAt,
    idleExpiresAt: new Date(createdAt.getTime() + 30 * MINUTE),
    absoluteExpiresAt: new Date(createdAt.getTime() + 8 * 60 * MINUTE),
    userAgent: "Mozilla/5.0 (contract)",
    ...overrides,
  };
}

/**
 * The one contract every session store passes (in the spirit of Django's SessionTestsMixin and
 * Lucia's adapter-test). Run it with `sessionStoreContract("memory", async () => harness)`.
 */
export function sessionStoreContract(name: string, setup: () => Promise<SessionStoreHarness>): void {
  describe(`SessionStore contract: ${name}`, () => {
    let h: SessionStoreHarness;
    let alice: string;
    let bob: string;

    beforeAll(async () => {
      h = await setup();
    });
    afterAll(async () => {
      await h.close();
    });
    beforeEach(async () => {
      await h.reset();
      alice = await h.createUser();
      bob = await h.createUser();
    });

    it("creates and gets back an identical record, dates to the millisecond", async () => {
      const r = record(alice);
      await h.store.create(r);
      const got = await h.store.get(h.lab, r.id);
      expect(got).toEqual(r);
      expect(got?.createdAt).toBeInstanceOf(Date);
      expect(got?.idleExpiresAt.getTime()).toBe(r.idleExpiresAt.getTime());
    });

    it("keeps a null user agent null", async () => {
      const r = record(alice, { userAgent: null });
      await h.store.create(r);
      expect((await h.store.get(h.lab, r.id))?.userAgent).toBeNull();
    });

    it("returns null for an unknown id", async () => {
      expect(await h.store.get(h.lab, "0".repeat(64))).toBeNull();
    });

    it("hands out copies: mutating a returned record (or the one passed in) changes nothing stored", async () => {
      const r = record(alice);
      const expected = { ...r };
      await h.store.create(r);
      r.userId = bob;
      const got = await h.store.get(h.lab, expected.id);
      if (!got) throw new Error("record missing");
      got.userId = bob;
      got.idleExpiresAt = new Date(0);
      expect(await h.store.get(h.lab, expected.id)).toEqual(expected);
    });

    it("touch moves lastSeenAt and idleExpiresAt and nothing else", async () => {
      const r = record(alice);
      await h.store.create(r);
      const seen = new Date(r.createdAt.getTime() + 5 * MINUTE);
      const idle = new Date(seen.getTime() + 30 * MINUTE);
      await h.store.touch(h.lab, r.id, seen, idle);
      expect(await h.store.get(h.lab, r.id)).toEqual({ ...r, lastSeenAt: seen, idleExpiresAt: idle });
    });

    it("touch on a missing (say, concurrently deleted) session neither throws nor resurrects it", async () => {
      const r = record(alice);
      await h.store.touch(h.lab, r.id, new Date(T0), new Date(T0 + MINUTE));
      expect(await h.store.get(h.lab, r.id)).toBeNull();
    });

    it("delete removes one record; deleting again or an unknown id is a no-op", async () => {
      const a = record(alice);
      const b = record(alice);
      await h.store.create(a);
      await h.store.create(b);
      await h.store.delete(h.lab, a.id);
      expect(await h.store.get(h.lab, a.id)).toBeNull();
      expect(await h.store.get(h.lab, b.id)).not.toBeNull();
      await expect(h.store.delete(h.lab, a.id)).resolves.toBeUndefined();
    });

    it("deleteByUser removes every session of that user only and says how many", async () => {
      const a1 = record(alice);
      const a2 = record(alice);
      const b1 = record(bob);
      for (const r of [a1, a2, b1]) await h.store.create(r);
      expect(await h.store.deleteByUser(h.lab, alice)).toBe(2);
      expect(await h.store.get(h.lab, a1.id)).toBeNull();
      expect(await h.store.get(h.lab, a2.id)).toBeNull();
      expect(await h.store.get(h.lab, b1.id)).toEqual(b1);
      expect(await h.store.deleteByUser(h.lab, alice)).toBe(0);
    });

    it("deleteByUser keeps the `except` session (log out other sessions)", async () => {
      const current = record(alice);
      const other1 = record(alice);
      const other2 = record(alice);
      for (const r of [current, other1, other2]) await h.store.create(r);
      expect(await h.store.deleteByUser(h.lab, alice, current.id)).toBe(2);
      expect(await h.store.listByUser(h.lab, alice)).toEqual([current]);
    });

    it("listByUser lists only that user's sessions, newest first", async () => {
      const older = record(alice, { createdAt: new Date(T0) });
      const newer = record(alice, { createdAt: new Date(T0 + MINUTE) });
      const middle = record(alice, { createdAt: new Date(T0 + 1000) });
      for (const r of [older, newer, middle, record(bob)]) await h.store.create(r);
      expect((await h.store.listByUser(h.lab, alice)).map((r) => r.id)).toEqual([newer.id, middle.id, older.id]);
      expect(await h.store.listByUser(h.lab, "no-such-user")).toEqual([]);
    });

    it("listAll lists every user's sessions newest first, up to the limit", async () => {
      const rs = [0, 3, 1, 2].map((i) => record(i % 2 ? alice : bob, { createdAt: new Date(T0 + i * MINUTE) }));
      for (const r of rs) await h.store.create(r);
      const all = await h.store.listAll(h.lab, 10);
      expect(all.map((r) => r.createdAt.getTime())).toEqual([3, 2, 1, 0].map((i) => T0 + i * MINUTE));
      expect((await h.store.listAll(h.lab, 2)).map((r) => r.createdAt.getTime())).toEqual([T0 + 3 * MINUTE, T0 + 2 * MINUTE]);
    });

    it("deleteLab empties the lab", async () => {
      for (const r of [record(alice), record(bob)]) await h.store.create(r);
      await h.store.deleteLab(h.lab);
      expect(await h.store.listAll(h.lab, 100)).toEqual([]);
    });

    it("trimLab keeps the lab's newest sessions and ends the rest", async () => {
      const rs = [0, 1, 2, 3].map((i) => record(i % 2 ? alice : bob, { createdAt: new Date(T0 + i * MINUTE) }));
      for (const r of rs) await h.store.create(r);
      expect(await h.store.trimLab(h.lab, 2)).toBe(2);
      expect((await h.store.listAll(h.lab, 10)).map((r) => r.createdAt.getTime())).toEqual([T0 + 3 * MINUTE, T0 + 2 * MINUTE]);
      expect(await h.store.listByUser(h.lab, bob)).toEqual([rs[2]]);
      expect(await h.store.trimLab(h.lab, 2)).toBe(0);
    });

    it("keys by lab: a session of one lab is never found, touched, listed or deleted from another", async () => {
      const other = await h.otherLab();
      const carol = await h.createUser(other);
      const mine = record(alice);
      const theirs = record(carol, { labId: other });
      await h.store.create(mine);
      await h.store.create(theirs);
      // The right id in the wrong lab finds nothing.
      expect(await h.store.get(other, mine.id)).toBeNull();
      expect(await h.store.get(h.lab, theirs.id)).toBeNull();
      await h.store.touch(other, mine.id, new Date(T0 + MINUTE), new Date(T0 + 2 * MINUTE));
      expect(await h.store.get(h.lab, mine.id)).toEqual(mine);
      await h.store.delete(other, mine.id);
      expect(await h.store.deleteByUser(other, alice)).toBe(0);
      expect(await h.store.get(h.lab, mine.id)).toEqual(mine);
      expect((await h.store.listAll(h.lab, 10)).map((r) => r.id)).toEqual([mine.id]);
      expect((await h.store.listAll(other, 10)).map((r) => r.id)).toEqual([theirs.id]);
      await h.store.deleteLab(other);
      expect(await h.store.get(other, theirs.id)).toBeNull();
      expect(await h.store.get(h.lab, mine.id)).toEqual(mine);
    });

    it("getWithUser, where the store has it, answers the session and its user in one store query", async () => {
      if (!h.store.getWithUser) return expect(h.store.kind).not.toBe("database");
      const r = record(alice);
      await h.store.create(r);
      const trace = new Trace("session", "contract");
      const both = await runWithTrace(trace, () => trace.step("lookup", "lookup", "store", () => h.store.getWithUser!(h.lab, r.id)));
      expect(both?.session).toEqual(r);
      expect(both?.user?.id).toBe(alice);
      expect(trace.storeQueries).toBe(1);
      expect(await h.store.getWithUser(await h.otherLab(), r.id)).toBeNull();
    });

    it("counts exactly one store query per operation on the request's trace", async () => {
      const r = record(alice);
      const trace = new Trace("session", "contract");
      await runWithTrace(trace, async () => {
        await trace.step("create", "create", "store", () => h.store.create(r));
        await trace.step("get", "get", "store", () => h.store.get(h.lab, r.id));
        await trace.step("touch", "touch", "store", () => h.store.touch(h.lab, r.id, new Date(T0), new Date(T0)));
        await trace.step("list", "list", "store", () => h.store.listByUser(h.lab, alice));
        await trace.step("delete", "delete", "store", () => h.store.delete(h.lab, r.id));
      });
      expect(trace.steps.map((s) => [s.name, s.storeQueries])).toEqual([
        ["create", 1],
        ["get", 1],
        ["touch", 1],
        ["list", 1],
        ["delete", 1],
      ]);
    });
  });
}
