import { sealData, unsealData } from "iron-session";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LruCache } from "./lru-cache";
import { sealExpiresAtMs } from "./session-strategy";

const PASSWORD = { "1": "seal-cache-test-password-0123456789abcdef" };

afterEach(() => {
  vi.useRealTimers();
});

describe("LruCache", () => {
  it("answers only for the identical key", () => {
    const cache = new LruCache<string>(10);
    cache.set("Fe26.2*1*a*b*c*99999999999999*d*e~2", "token-1");
    expect(cache.get("Fe26.2*1*a*b*c*99999999999999*d*e~2")).toBe("token-1");
    expect(cache.get("Fe26.2*1*a*b*c*99999999999999*d*f~2")).toBeUndefined();
  });

  it("forgets an entry at its expiry time, not a millisecond later", () => {
    const cache = new LruCache<string>(10);
    cache.set("k", "v", 1_000);
    expect(cache.get("k", 999)).toBe("v");
    expect(cache.get("k", 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("stays bounded, dropping the least recently used entry", () => {
    const cache = new LruCache<string>(2);
    cache.set("a", "1");
    cache.set("b", "2");
    expect(cache.get("a")).toBe("1"); // now b is the oldest
    cache.set("c", "3");
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("1");
    expect(cache.get("c")).toBe("3");
  });
});

describe("seal expiry, as the seal cache uses it", () => {
  it("reads the expiration iron wrote into the seal, plus iron's 60 s skew", async () => {
    const before = Date.now();
    const seal = await sealData({ t: "x" }, { password: PASSWORD, ttl: 3600 });
    const exp = sealExpiresAtMs(seal);
    expect(exp).toBeGreaterThanOrEqual(before + 3_600_000 + 60_000);
    expect(exp).toBeLessThanOrEqual(Date.now() + 3_600_000 + 60_000);
    expect(sealExpiresAtMs("garbage")).toBeNull();
  });

  it("a cached seal is forgotten exactly when iron itself would call it expired", async () => {
    vi.useFakeTimers({ now: new Date("2031-05-06T07:00:00Z") });
    const seal = await sealData({ t: "x" }, { password: PASSWORD, ttl: 60 });
    const cache = new LruCache<string>(10);
    cache.set(seal, "token", sealExpiresAtMs(seal));
    vi.setSystemTime(new Date("2031-05-06T07:01:59Z"));
    expect(cache.get(seal)).toBe("token");
    // iron agrees at the same instant:
    expect(await unsealData(seal, { password: PASSWORD, ttl: 0 })).toEqual({ t: "x" });
    vi.setSystemTime(new Date("2031-05-06T07:02:00Z"));
    expect(cache.get(seal)).toBeUndefined();
    expect(await unsealData(seal, { password: PASSWORD, ttl: 0 })).toEqual({});
  });
});
