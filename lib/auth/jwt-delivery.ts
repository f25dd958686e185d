import { ApiError } from "../errors";
import { clearCookie, cookieAttributes, cookieNames } from "./cookies";
import type { CookieInstruction } from "./types";

/**
 * Where a JWT login or refresh delivers the access token:
 * - `all` (default): in the body and in the HttpOnly `__Host-access` cookie (page navigations work);
 * - `refresh-only`: in the body only — the client keeps it in memory or localStorage and sends it as
 *   `Authorization: Bearer`; any access cookie is cleared; the refresh token stays an HttpOnly cookie;
 * - `none`: in the body only, no cookies at all (API clients; no refresh token).
 */
export type JwtDelivery = "all" | "refresh-only" | "none";

export function jwtDelivery(url: URL): JwtDelivery {
  const value = url.searchParams.get("cookies");
  if (value === null) return "all";
  if (value === "none" || value === "refresh-only") return value;
  throw new ApiError("VALIDATION_FAILED", { message: "`cookies` must be `none` or `refresh-only`.", details: { fields: { cookies: ["must be none or refresh-only"] } } });
}

/** The cookies to send for `delivery`, given what the strategy wanted set. */
export function deliverCookies(cookies: CookieInstruction[], delivery: JwtDelivery): CookieInstruction[] {
  if (delivery === "all") return cookies;
  if (delivery === "none") return [];
  const { access } = cookieNames();
  return [...cookies.filter((c) => c.name !== access), clearCookie(access, cookieAttributes("access", 0))];
}
