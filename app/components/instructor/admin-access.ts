import type { AuthMode } from "@/lib/auth/types";
import type { AdminCredential } from "../lab/lab-client";

/** Who this browser is, per strategy, as the server saw it when the page rendered. */
export interface SignedInIdentity {
  mode: AuthMode;
  email: string;
  role: string;
}

/**
 * How the instructor page proves it is an admin when it changes settings: the browser's own admin
 * credential (cookies, with `?mode=` naming the strategy), or an admin access token held in this
 * page's memory only, so signing in here leaves the lab panes' credentials alone.
 */
export type AdminAccess = { kind: "cookie"; mode: AuthMode; email: string } | { kind: "bearer"; token: string; email: string };

export function adminFromIdentities(identities: SignedInIdentity[]): AdminAccess | null {
  const admin = identities.find((identity) => identity.role === "admin");
  return admin ? { kind: "cookie", mode: admin.mode, email: admin.email } : null;
}

export function describeAccess(access: AdminAccess): string {
  return access.kind === "cookie"
    ? `${access.email}, signed in with ${access.mode === "session" ? "a session cookie" : "a JWT cookie"} in this browser`
    : `${access.email}, with an admin access token kept in this page's memory only (reloading forgets it)`;
}

/** The credential an admin action sends: the page's bearer token, or the browser's own cookie of a mode. */
export function adminCredential(access: AdminAccess): AdminCredential {
  return access.kind === "bearer" ? { bearer: access.token } : { mode: access.mode };
}
