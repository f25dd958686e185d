import { appEnv } from "../config/env";
import { parseAuthorization } from "./bearer";
import { cookieNames } from "./cookies";
import type { AuthMode, CredentialInput } from "./types";

export function isAuthMode(value: unknown): value is AuthMode {
  return value === "session" || value === "jwt";
}

/**
 * `?mode=` wins; then an `Authorization: Bearer` header means JWT (a curl or API client has no mode
 * cookie and would expect its token to count); then the `mode` cookie; then `AUTH_MODE`.
 */
export function resolveMode(explicit: string | null | undefined, cookie: string | undefined, authorization?: string | null): AuthMode {
  if (isAuthMode(explicit)) return explicit;
  if (parseAuthorization(authorization).scheme === "bearer") return "jwt";
  if (isAuthMode(cookie)) return cookie;
  return appEnv().defaultMode;
}

/** The mode a request asks for, by the rule above. */
export function requestMode(url: URL, input: CredentialInput): AuthMode {
  return resolveMode(url.searchParams.get("mode"), input.cookies[cookieNames().mode], input.authorization);
}
