import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runWithTrace } from "../trace/context";
import { Trace } from "../trace/trace";
import type { RefreshStore } from "./refresh-store";

export interface RefreshStoreHarness {
  store: RefreshStore;
  /** The lab the cases act in (the default lab, which the migrations create). */
  lab: string;
  otherLab(): Promise<string>;
  createUser(lab?: string): Promise<string>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

const T0 = Date.UTC(2031, 4, 6, 7, 8, 9, 123);
const MINUTE = 60_000;
let counter = 0;
const hash = () => `${(++counter).toString(16).padStart(8, "0")}${"cd".repeat(28)}`;
const token = (createdAt = new Date(T0)) => ({ tokenHash: hash(), createdAt, expiresAt: new Date(createdAt.getTime() + 60 * MINUTE) });

/**
 * The contract of the refresh-token store (in the spirit of the session and denylist contracts):
 * families and tokens, the single atomic claim, revocation, and keys by lab. The rotation rules on
 * top of it are lib/auth/refresh-tokens.test.ts.
 */
export function refreshStoreContract(name: string, setup: () => Promise<RefreshStoreHarness>): void {
  describe(`RefreshStore contract: ${name}`, () => {
    let h: RefreshStoreHarness;
    let alice: string;

    beforeAll(async () => {
      h = await setup();
    });
    afterAll(async () => {
      await h.close();
    });
    beforeEach(async () => {
      await h.reset();
      alice = await h.createUser();
    });

    const family = (labId = h.lab, userId = alice) => ({ labId, userId, createdAt: new Date(T0), absoluteExpiresAt: new Date(T0 + 24 * 60 * MINUTE) });

    it("starts a family with its first token, found by hash with its family", async () => {
      const first = token();
      const familyId = await h.store.startFamily(family(), first);
      const found = await h.store.findByHash(first.tokenHash);
      expect(found?.family).toMatchObject({ id: familyId, labId: h.lab, userId: alice, revokedAt: null });
      expect(found?.token).toMatchObject({ tokenHash: first.tokenHash, parentId: null, usedAt: null, revokedAt: null, successorSeal: null });
      expect(found?.token.expiresAt.getTime()).toBe(first.expiresAt.getTime());
      expect(await h.store.findByHash("0".repeat(64))).toBeNull();
    });

    it("claims a token exactly once, creating its one successor; the loser of a race learns it lost", async () => {
      const first = token();
      const familyId = await h.store.startFamily(family(), first);
      const row = (await h.store.findByHash(first.tokenHash))!.token;
      const successors = [token(new Date(T0 + MINUTE)), token(new Date(T0 + MINUTE))];
      const outcomes = await Promise.all(successors.map((s) => h.store.claim(row, new Date(T0 + MINUTE), "sealed", s)));
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const winner = successors[outcomes.indexOf(true)]!;
      const child = await h.store.findSuccessor(familyId, row.id);
      expect(child?.tokenHash).toBe(winner.tokenHash);
      expect((await h.store.findById(row.id))?.usedAt?.getTime()).toBe(T0 + MINUTE);
      expect((await h.store.findById(row.id))?.successorSeal).toBe("sealed");
    });

    it("claiming the child clears its parent's sealed successor", async () => {
      const first = token();
      const familyId = await h.store.startFamily(family(), first);
      const parent = (await h.store.findByHash(first.tokenHash))!.token;
      await h.store.claim(parent, new Date(T0 + MINUTE), "sealed-1", token());
      const child = (await h.store.findSuccessor(familyId, parent.id))!;
      expect(await h.store.claim(child, new Date(T0 + 2 * MINUTE), "sealed-2", token())).toBe(true);
      expect((await h.store.findById(parent.id))?.successorSeal).toBeNull();
    });

    it("revokes a family whole, keeping the first reason, and clears every sealed successor", async () => {
      const first = token();
      const familyId = await h.store.startFamily(family(), first);
      const row = (await h.store.findByHash(first.tokenHash))!.token;
      await h.store.claim(row, new Date(T0 + MINUTE), "sealed", token());
      await h.store.revokeFamily(familyId, new Date(T0 + 2 * MINUTE), "LOGOUT");
      await h.store.revokeFamily(familyId, new Date(T0 + 3 * MINUTE), "ADMIN_REVOKED");
      const found = await h.store.findByHash(first.tokenHash);
      expect([found?.family.revokedAt?.getTime(), found?.family.revokeReason]).toEqual([T0 + 2 * MINUTE, "LOGOUT"]);
      expect(found?.token.successorSeal).toBeNull();
      expect(found?.token.revokedAt?.getTime()).toBe(T0 + 2 * MINUTE);
    });

    it("keys by lab: revoking all of a user's families in one lab leaves another lab's alone", async () => {
      const other = await h.otherLab();
      const carol = await h.createUser(other);
      const mine = await h.store.startFamily(family(), token());
      const theirs = await h.store.startFamily(family(other, carol), token());
      // Alice of this lab; the same user id does not exist in the other lab, and the lab decides.
      expect(await h.store.revokeAllForUser(other, alice, new Date(T0), "LOGOUT_ALL")).toEqual([]);
      expect(await h.store.revokeAllForUser(h.lab, alice, new Date(T0), "LOGOUT_ALL")).toEqual([mine]);
      expect((await h.store.listFamilies(other, null, 10)).map((f) => [f.id, f.revokedAt])).toEqual([[theirs, null]]);
      expect((await h.store.listFamilies(h.lab, [alice], 10)).map((f) => f.id)).toEqual([mine]);
    });

    it("trimLab keeps the lab's newest families and deletes the rest, tokens and all", async () => {
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push(await h.store.startFamily({ ...family(), createdAt: new Date(T0 + i * MINUTE) }, token()));
      expect(await h.store.trimLab(h.lab, 2)).toBe(2);
      expect((await h.store.listFamilies(h.lab, null, 10)).map((f) => f.id)).toEqual([ids[3], ids[2]]);
    });

    it("counts one store query per operation", async () => {
      const trace = new Trace("jwt", "contract");
      const first = token();
      await runWithTrace(trace, async () => {
        const familyId = await trace.step("start", "start", "store", () => h.store.startFamily(family(), first));
        await trace.step("find", "find", "store", () => h.store.findByHash(first.tokenHash));
        await trace.step("revoke", "revoke", "store", () => h.store.revokeFamily(familyId, new Date(T0), "LOGOUT"));
      });
      expect(trace.steps.map((s) => [s.name, s.storeQueries])).toEqual([
        ["start", 1],
        ["find", 1],
        ["revoke", 1],
      ]);
    });
  });
}
