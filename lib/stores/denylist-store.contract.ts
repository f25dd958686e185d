import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runWithTrace } from "../trace/context";
import { Trace } from "../trace/trace";
import type { DenylistStore } from "./types";

const NOW = Date.UTC(2031, 4, 6, 7, 8, 9);
const SEC = 1000;
const HOUR = 3600 * SEC;

export interface DenylistHarness {
  store: DenylistStore;
  /** The lab the cases act in (the default lab, which the migrations create). */
  lab: string;
  /** Another lab of the same backing, for the isolation case. */
  otherLab(): Promise<string>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The one contract every denylist store passes. Run it with `denylistContract("memory", async () => harness)`.
 */
export function denylistContract(name: string, setup: () => Promise<DenylistHarness>): void {
  describe(`DenylistStore: ${name}`, () => {
    let h: DenylistHarness;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(async () => {
      await h.close();
    });
    beforeEach(async () => {
      await h.reset();
    });

    it("misses when nothing is listed", async () => {
      expect(await h.store.check(h.lab, "jti-1", "user-1", NOW - SEC, NOW)).toBeNull();
    });

    it("hits on the token's own jti, and only that jti", async () => {
      await h.store.add(h.lab, { key: "jti:jti-1", expiresAt: new Date(NOW + HOUR), notBefore: null });
      expect(await h.store.check(h.lab, "jti-1", "user-1", NOW - SEC, NOW)).toBe("jti");
      expect(await h.store.check(h.lab, "jti-2", "user-1", NOW - SEC, NOW)).toBeNull();
    });

    it("hits on the subject only for tokens issued before notBefore (a fresh login still works)", async () => {
      await h.store.add(h.lab, { key: "sub:user-1", expiresAt: new Date(NOW + HOUR), notBefore: new Date(NOW) });
      expect(await h.store.check(h.lab, "any", "user-1", NOW - SEC, NOW)).toBe("sub");
      expect(await h.store.check(h.lab, "any", "user-1", NOW, NOW)).toBeNull();
      expect(await h.store.check(h.lab, "any", "user-1", NOW + SEC, NOW + SEC)).toBeNull();
      expect(await h.store.check(h.lab, "any", "user-2", NOW - SEC, NOW)).toBeNull();
    });

    it("ignores entries at and after their expiry", async () => {
      await h.store.add(h.lab, { key: "jti:jti-1", expiresAt: new Date(NOW + 10 * SEC), notBefore: null });
      await h.store.add(h.lab, { key: "sub:user-1", expiresAt: new Date(NOW + 10 * SEC), notBefore: new Date(NOW) });
      expect(await h.store.check(h.lab, "jti-1", "user-9", NOW - SEC, NOW + 10 * SEC - 1)).toBe("jti");
      expect(await h.store.check(h.lab, "jti-1", "user-9", NOW - SEC, NOW + 10 * SEC)).toBeNull();
      expect(await h.store.check(h.lab, "jti-9", "user-1", NOW - SEC, NOW + 10 * SEC)).toBeNull();
      expect(await h.store.list(h.lab, NOW + 10 * SEC)).toEqual([]);
    });

    it("adding a key again replaces its expiry and notBefore (a second revoke-all moves the cut-off)", async () => {
      await h.store.add(h.lab, { key: "sub:user-1", expiresAt: new Date(NOW + HOUR), notBefore: new Date(NOW) });
      await h.store.add(h.lab, { key: "sub:user-1", expiresAt: new Date(NOW + 2 * HOUR), notBefore: new Date(NOW + 60 * SEC) });
      expect(await h.store.check(h.lab, "any", "user-1", NOW + 30 * SEC, NOW + 90 * SEC)).toBe("sub");
      const live = await h.store.list(h.lab, NOW + 90 * SEC);
      expect(live).toHaveLength(1);
      expect(live[0]).toMatchObject({ key: "sub:user-1", expiresAt: new Date(NOW + 2 * HOUR), notBefore: new Date(NOW + 60 * SEC) });
    });

    it("lists live entries only and clear() empties it", async () => {
      await h.store.add(h.lab, { key: "jti:live", expiresAt: new Date(NOW + HOUR), notBefore: null });
      await h.store.add(h.lab, { key: "jti:dead", expiresAt: new Date(NOW - SEC), notBefore: null });
      expect((await h.store.list(h.lab, NOW)).map((e) => e.key)).toEqual(["jti:live"]);
      await h.store.clear(h.lab);
      expect(await h.store.list(h.lab, NOW)).toEqual([]);
      expect(await h.store.check(h.lab, "live", "u", NOW - SEC, NOW)).toBeNull();
    });

    it("keys by lab: an entry of one lab never revokes in another, and clearing one lab leaves the other", async () => {
      const other = await h.otherLab();
      await h.store.add(h.lab, { key: "jti:shared-jti", expiresAt: new Date(NOW + HOUR), notBefore: null });
      await h.store.add(h.lab, { key: "sub:user-1", expiresAt: new Date(NOW + HOUR), notBefore: new Date(NOW) });
      expect(await h.store.check(other, "shared-jti", "user-1", NOW - SEC, NOW)).toBeNull();
      expect(await h.store.list(other, NOW)).toEqual([]);
      await h.store.add(other, { key: "jti:other-jti", expiresAt: new Date(NOW + HOUR), notBefore: null });
      await h.store.clear(h.lab);
      expect(await h.store.check(h.lab, "shared-jti", "user-1", NOW - SEC, NOW)).toBeNull();
      expect(await h.store.check(other, "other-jti", "user-1", NOW - SEC, NOW)).toBe("jti");
    });

    it("checks in exactly one store query (one round trip per authenticated request)", async () => {
      await h.store.add(h.lab, { key: "jti:jti-1", expiresAt: new Date(NOW + HOUR), notBefore: null });
      const trace = new Trace("jwt", "contract");
      await runWithTrace(trace, () => trace.step("denylist-check", "check", "store", () => h.store.check(h.lab, "jti-1", "user-1", NOW - SEC, NOW)));
      expect(trace.storeQueries).toBe(1);
    });
  });
}
