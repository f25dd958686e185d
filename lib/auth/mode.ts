import { appEnv } from "../config/env";
import { parseAuthorization } from "./bearer";
import { cookieNames } from "./cookies";
import type { AuthMode, CredentialInput } from "./types";

export function isAuthMode(value: unknown): value is AuthMode {
  return value === "session" || value === "jwt";
}

/**
 * The one mode rule, for the proxy, pages, the layout and every route: `?mode=` wins; then an
 * `Authorization: Bearer` header means JWT (a curl or API client has no mode cookie and would
 * expect its token to count); then the `mode` cookie; then `AUTH_MODE`. Callers pass what they
 * have: a layout has no query string, a page navigation no Authorization header.
 */
export function resolveMode(input: CredentialInput, explicit?: string | null): AuthMode {
  if (isAuthMode(explicit)) return explicit;
  if (parseAuthorization(input.authorization).scheme === "bearer") return "jwt";
  const cookie = input.cookies[cookieNames().mode];
  if (isAuthMode(cookie)) return cookie;
  return appEnv().defaultMode;
}
