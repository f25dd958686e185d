import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetAppEnvForTests } from "../config/env";
import { clearCookie, COOKIE_POLICY, cookieAttributes, cookieNames, REFRESH_COOKIE_PATH, serializeCookie, setCookie } from "./cookies";

describe("cookies (docs/SECURITY.md § Cookies)", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.AUTHLAB_INSECURE_COOKIES;
    delete process.env.AUTHLAB_INSECURE_COOKIES;
    resetAppEnvForTests();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.AUTHLAB_INSECURE_COOKIES;
    else process.env.AUTHLAB_INSECURE_COOKIES = saved;
    resetAppEnvForTests();
  });

  it("uses __Host- for Path=/ cookies and __Secure- for the path-scoped refresh cookie", () => {
    expect(cookieNames()).toEqual({ session: "__Host-session", access: "__Host-access", refresh: "__Secure-refresh", mode: "mode" });
  });

  it("one policy per cookie: HttpOnly and Secure always, Lax and Path=/ except the refresh cookie (Strict, its own path)", () => {
    for (const kind of ["session", "access", "lab", "mode"] as const) {
      expect(cookieAttributes(kind, 60)).toEqual({ httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 60 });
    }
    expect(cookieAttributes("refresh", 60)).toEqual({ httpOnly: true, secure: true, sameSite: "strict", path: REFRESH_COOKIE_PATH, maxAge: 60 });
    expect(Object.keys(COOKIE_POLICY).sort()).toEqual(["access", "lab", "mode", "refresh", "session"]);
  });

  it("drops the prefixes and Secure only when AUTHLAB_INSECURE_COOKIES is on", () => {
    process.env.AUTHLAB_INSECURE_COOKIES = "true";
    resetAppEnvForTests();
    expect(cookieNames()).toEqual({ session: "session", access: "access", refresh: "refresh", mode: "mode" });
    expect(cookieAttributes("session", 60).secure).toBe(false);
    expect(cookieAttributes("session", 60).httpOnly).toBe(true);
  });

  it("serialises a set cookie with every attribute", () => {
    const header = serializeCookie(setCookie("__Host-session", "Fe26.2*1*abc~2", cookieAttributes("session", 28_800)));
    expect(header).toBe("__Host-session=Fe26.2*1*abc~2; Path=/; Max-Age=28800; HttpOnly; Secure; SameSite=Lax");
  });

  it("serialises the refresh cookie as Strict and scoped to the refresh endpoints", () => {
    const header = serializeCookie(setCookie("__Secure-refresh", "tok", cookieAttributes("refresh", 10)));
    expect(header).toBe(`__Secure-refresh=tok; Path=${REFRESH_COOKIE_PATH}; Max-Age=10; HttpOnly; Secure; SameSite=Strict`);
    expect(REFRESH_COOKIE_PATH).not.toBe("/");
  });

  it("clears with an empty value, Max-Age=0 and an Expires in the past, keeping name, path and flags", () => {
    const cleared = clearCookie("__Secure-refresh", cookieAttributes("refresh", 999));
    expect(cleared.value).toBe("");
    expect(cleared.attributes.maxAge).toBe(0);
    expect(serializeCookie(cleared)).toBe(
      `__Secure-refresh=; Path=${REFRESH_COOKIE_PATH}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict`,
    );
  });

  it("omits HttpOnly and Secure when they are off (the non-HttpOnly mode cookie)", () => {
    const header = serializeCookie(setCookie("mode", "jwt", { httpOnly: false, secure: false, sameSite: "lax", path: "/", maxAge: 5 }));
    expect(header).toBe("mode=jwt; Path=/; Max-Age=5; SameSite=Lax");
  });
});
