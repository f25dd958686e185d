import { appEnv } from "../config/env";
import type { CookieAttributes, CookieInstruction } from "./types";

/** The refresh cookie travels only to the JWT auth endpoints (refresh and logout), never to pages or APIs. */
export const REFRESH_COOKIE_PATH = "/api/auth/jwt";

export interface CookieNames {
  session: string;
  access: string;
  refresh: string;
  mode: string;
}

/**
 * `__Host-` requires Secure, Path=/ and no Domain; `__Secure-` requires Secure. Browsers accept
 * Secure cookies on http://localhost, so the prefixes stay on for local runs. Plain-HTTP hosts other
 * than localhost cannot store Secure cookies: `AUTHLAB_INSECURE_COOKIES=true` drops both (the UI warns).
 */
export function cookieNames(): CookieNames {
  const insecure = appEnv().insecureCookies;
  return {
    session: insecure ? "session" : "__Host-session",
    access: insecure ? "access" : "__Host-access",
    refresh: insecure ? "refresh" : "__Secure-refresh",
    mode: "mode",
  };
}

export function cookieAttributes(overrides: Partial<CookieAttributes> & { maxAge: number }): CookieAttributes {
  return { httpOnly: true, secure: !appEnv().insecureCookies, sameSite: "lax", path: "/", ...overrides };
}

const ONE_YEAR_SECONDS = 365 * 86_400;

/** The browser's chosen mode: which strategy guards pages. Not a credential; kept a year. */
export function modeCookie(mode: "session" | "jwt"): CookieInstruction {
  return setCookie(cookieNames().mode, mode, cookieAttributes({ maxAge: ONE_YEAR_SECONDS, sameSite: "lax" }));
}

export function setCookie(name: string, value: string, attributes: CookieAttributes): CookieInstruction {
  return { name, value, attributes };
}

export function clearCookie(name: string, attributes: CookieAttributes): CookieInstruction {
  return { name, value: "", attributes: { ...attributes, maxAge: 0 } };
}

/** Serialises one instruction as a `Set-Cookie` header value (RFC 6265). */
export function serializeCookie({ name, value, attributes }: CookieInstruction): string {
  const parts = [`${name}=${value}`, `Path=${attributes.path}`, `Max-Age=${attributes.maxAge}`];
  if (attributes.maxAge === 0) parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  if (attributes.httpOnly) parts.push("HttpOnly");
  if (attributes.secure) parts.push("Secure");
  parts.push(`SameSite=${attributes.sameSite === "strict" ? "Strict" : "Lax"}`);
  return parts.join("; ");
}
