import { describe, expect, it } from "vitest";
import { limitKeyForAddress, normaliseAddress, parseTrustedProxyHops, resolveClientAddress } from "./client-address.mjs";

describe("resolveClientAddress: the address limits count by", () => {
  it("with no trusted proxy (the default) is the TCP peer, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("198.51.100.4", "203.0.113.1", 0)).toBe("198.51.100.4");
    expect(resolveClientAddress("198.51.100.4", undefined, 0)).toBe("198.51.100.4");
  });

  it("regression: a spoofed X-Forwarded-For does not give a direct client a new address", () => {
    const peer = "198.51.100.4";
    const seen = new Set(Array.from({ length: 20 }, (_, n) => resolveClientAddress(peer, `203.0.113.${n}`, 0)));
    expect([...seen]).toEqual([peer]);
  });

  it("behind one trusted proxy is the hop that proxy added (the last entry), never what the client prepended", () => {
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", 1)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 7.7.7.7, 203.0.113.9", 1)).toBe("203.0.113.9");
  });

  it("behind two trusted proxies steps back two hops", () => {
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1", 2)).toBe("203.0.113.9");
  });

  it("reads repeated X-Forwarded-For headers as one list", () => {
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.9"], 1)).toBe("203.0.113.9");
  });

  it("a chain shorter than the trusted hops stops at the furthest entry there is", () => {
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", 3)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", undefined, 2)).toBe("10.0.0.2");
  });

  it("an entry that is not an IP address stops the walk at the last good one", () => {
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9, not-an-ip", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "not-an-ip, 198.51.100.1", 2)).toBe("198.51.100.1");
  });

  it("reads forwarded entries that carry a port", () => {
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9:4711", 1)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "[2001:db8::7]:443", 1)).toBe("2001:db8::7");
    expect(normaliseAddress("[::1]")).toBe("::1");
  });

  it("folds IPv4-mapped IPv6 peers to IPv4", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(resolveClientAddress("::ffff:198.51.100.4", undefined, 0)).toBe("198.51.100.4");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe("unknown");
  });
});

describe("limitKeyForAddress", () => {
  it("counts IPv4 addresses one by one and IPv6 by /64", () => {
    expect(limitKeyForAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(limitKeyForAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitKeyForAddress("2001:DB8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(limitKeyForAddress("::1")).toBe("0:0:0:0::/64");
    expect(limitKeyForAddress("unknown")).toBe("unknown");
  });
});

describe("parseTrustedProxyHops", () => {
  it("defaults to none and accepts 0…10", () => {
    expect(parseTrustedProxyHops(undefined)).toEqual({ hops: 0 });
    expect(parseTrustedProxyHops("")).toEqual({ hops: 0 });
    expect(parseTrustedProxyHops("2")).toEqual({ hops: 2 });
  });

  it("refuses anything else with a message naming the variable", () => {
    for (const raw of ["-1", "1.5", "eleven", "11", "true"]) expect(parseTrustedProxyHops(raw).error).toMatch(/TRUSTED_PROXY_HOPS/);
  });
});
