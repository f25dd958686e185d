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

/**
 * Every cookie the app sets, and its policy: the one place its SameSite and Path are decided.
 * All are HttpOnly and (unless AUTHLAB_INSECURE_COOKIES) Secure. Lax where a top-level navigation
 * from another site must still carry it (following a link into the app keeps you signed in);
 * Strict for the refresh token, which only the app's own fetches ever need.
 */
export const COOKIE_POLICY = {
  session: { sameSite: "lax", path: "/" },
  access: { sameSite: "lax", path: "/" },
  refresh: { sameSite: "strict", path: REFRESH_COOKIE_PATH },
  lab: { sameSite: "lax", path: "/" },
  mode: { sameSite: "lax", path: "/" },
} as const satisfies Record<string, Pick<CookieAttributes, "sameSite" | "path">>;

export type CookieKind = keyof typeof COOKIE_POLICY;

/** The attributes of a cookie of `kind` living `maxAge` seconds (0 clears it). */
export function cookieAttributes(kind: CookieKind, maxAge: number): CookieAttributes {
  return { httpOnly: true, secure: !appEnv().insecureCookies, ...COOKIE_POLICY[kind], maxAge };
}

const ONE_YEAR_SECONDS = 365 * 86_400;

/** The browser's chosen mode: which strategy guards pages. Not a credential; kept a year. */
export function modeCookie(mode: "session" | "jwt"): CookieInstruction {
  return setCookie(cookieNames().mode, mode, cookieAttributes("mode", ONE_YEAR_SECONDS));
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
