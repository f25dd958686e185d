import { appEnv } from "../config/env";
import type { AuthMode } from "./types";

export function isAuthMode(value: unknown): value is AuthMode {
  return value === "session" || value === "jwt";
}

/** `?mode=` wins, then the `mode` cookie, then the server default (`AUTH_MODE`). */
export function resolveMode(explicit: string | null | undefined, cookie: string | undefined): AuthMode {
  if (isAuthMode(explicit)) return explicit;
  if (isAuthMode(cookie)) return cookie;
  return appEnv().defaultMode;
}
