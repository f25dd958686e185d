import { describe, expect, it } from "vitest";
import { clientIp, credentialInput, parseCookieHeader } from "./request";

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
  it("reads cookies, Authorization and User-Agent from a request", () => {
    const request = new Request("http://authlab.test/", {
      headers: { cookie: "__Host-access=jwt", authorization: "Bearer abc", "user-agent": "vitest" },
    });
    expect(credentialInput(request)).toEqual({ cookies: { "__Host-access": "jwt" }, authorization: "Bearer abc", userAgent: "vitest" });
  });

  it("takes the last X-Forwarded-For hop, the one the client cannot choose", () => {
    const request = new Request("http://authlab.test/", { headers: { "x-forwarded-for": "6.6.6.6, 10.0.0.1 , 203.0.113.7" } });
    expect(clientIp(request)).toBe("203.0.113.7");
    expect(clientIp(new Request("http://authlab.test/"))).toBe("unknown");
  });
});
