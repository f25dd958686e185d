import { sealData, unsealData } from "iron-session";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SealCache, sealExpiresAtMs } from "./seal-cache";

const PASSWORD = { "1": "seal-cache-test-password-0123456789abcdef" };

afterEach(() => {
  vi.useRealTimers();
});

describe("SealCache", () => {
  it("reads the expiration iron wrote into the seal", async () => {
    const before = Date.now();
    const seal = await sealData({ t: "x" }, { password: PASSWORD, ttl: 3600 });
    const exp = sealExpiresAtMs(seal);
    expect(exp).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(exp).toBeLessThanOrEqual(Date.now() + 3_600_000);
    expect(sealExpiresAtMs("garbage")).toBeNull();
  });

  it("answers only for the byte-identical seal", () => {
    const cache = new SealCache<string>();
    cache.set("Fe26.2*1*a*b*c*99999999999999*d*e~2", "token-1");
    expect(cache.get("Fe26.2*1*a*b*c*99999999999999*d*e~2")).toBe("token-1");
    expect(cache.get("Fe26.2*1*a*b*c*99999999999999*d*f~2")).toBeUndefined();
  });

  it("forgets a seal once iron itself would call it expired (60 s skew included)", async () => {
    vi.useFakeTimers({ now: new Date("2031-05-06T07:00:00Z") });
    const seal = await sealData({ t: "x" }, { password: PASSWORD, ttl: 60 });
    const cache = new SealCache<string>();
    cache.set(seal, "token");
    vi.setSystemTime(new Date("2031-05-06T07:01:59Z"));
    expect(cache.get(seal)).toBe("token");
    // iron agrees at the same instant:
    expect(await unsealData(seal, { password: PASSWORD, ttl: 0 })).toEqual({ t: "x" });
    vi.setSystemTime(new Date("2031-05-06T07:02:00Z"));
    expect(cache.get(seal)).toBeUndefined();
    expect(await unsealData(seal, { password: PASSWORD, ttl: 0 })).toEqual({});
    expect(cache.size).toBe(0);
  });

  it("stays bounded, dropping the least recently used seal", () => {
    const cache = new SealCache<string>(2);
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
