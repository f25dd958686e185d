import { describe, expect, it } from "vitest";
import { SERVER_ENTRY_MARK } from "../../scripts/lib/startup.mjs";
import { clientAddress, credentialInput, parseCookieHeader } from "./request";

describe("parseCookieHeader", () => {
  it("parses pairs, trims, and keeps '=' inside values", () => {
    expect(parseCookieHeader("a=1; b = two ;c=x=y==")).toEqual({ a: "1", b: "two", c: "x=y==" });
  });

  it("keeps the first of duplicate names (a sibling domain cannot shadow ours by appending)", () => {
    expect(parseCookieHeader("__Host-session=ours; __Host-session=theirs")).toEqual({ "__Host-session": "ours" });
  });

  it("ignores empty and nameless parts and survives null", () => {
    expect(parseCookieHeader(null)).toEqual({});
    expect(parseCookieHeader(";;=x; novalue; ok=1")).toEqual({ ok: "1" });
  });
});

describe("credentialInput and clientIp", () => {
  it("reads cookies, Authorization, User-Agent and the lab header from a request", () => {
    const request = new Request("http://authlab.test/", {
      headers: { cookie: "__Host-access=jwt", authorization: "Bearer abc", "user-agent": "vitest", "x-authlab-lab": "lab.mac" },
    });
    expect(credentialInput(request)).toEqual({ cookies: { "__Host-access": "jwt" }, authorization: "Bearer abc", userAgent: "vitest", lab: "lab.mac" });
  });

  it("regression: the client address is never read from X-Forwarded-For, only from the server entry's own header", () => {
    const marks = globalThis as Record<symbol, unknown>;
    const spoofed = new Request("http://authlab.test/", { headers: { "x-forwarded-for": "203.0.113.7" } });
    expect(clientAddress(spoofed)).toBe("unknown");
    const forwarded = new Request("http://authlab.test/", { headers: { "x-authlab-client-address": "198.51.100.4", "x-forwarded-for": "203.0.113.7" } });
    // Without the server entry in this process, even our own header means nothing: a client could have sent it.
    expect(clientAddress(forwarded)).toBe("unknown");
    marks[SERVER_ENTRY_MARK] = { trustedProxyHops: 0 };
    try {
      expect(clientAddress(forwarded)).toBe("198.51.100.4");
      expect(clientAddress(spoofed)).toBe("unknown");
    } finally {
      delete marks[SERVER_ENTRY_MARK];
    }
  });
});
