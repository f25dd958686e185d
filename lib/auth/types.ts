import type { ErrorCode } from "../errors";
import type { Settings } from "../settings/schema";
import type { Trace } from "../trace/trace";

export type AuthMode = "session" | "jwt";
export const AUTH_MODES: readonly AuthMode[] = ["session", "jwt"];

export type Role = "user" | "admin";

export interface AuthUser {
  id: string;
  email: string;
  role: Role;
}

export interface CookieAttributes {
  httpOnly: boolean;
  secure: boolean;
  sameSite: "strict" | "lax";
  path: string;
  /** Seconds; 0 clears the cookie. */
  maxAge: number;
}

/** A cookie a strategy wants set (or cleared, when `value` is "" and `maxAge` is 0). */
export interface CookieInstruction {
  name: string;
  value: string;
  attributes: CookieAttributes;
}

/** What the browser (or curl) sent, without any framework types. */
export interface CredentialInput {
  cookies: Readonly<Record<string, string | undefined>>;
  authorization?: string | null;
  userAgent?: string | null;
  /**
   * The signed lab id from the `X-AuthLab-Lab` header: how a page that sends no cookies on purpose
   * (the token workbench) still says which lab it acts in. The lab cookie wins when both are present.
   */
  lab?: string | null;
}

/** What a successful authentication knows about the credential, for the lab and the API. */
export interface CredentialInfo {
  kind: "session" | "jwt";
  /** Where it came from: a cookie name or `Authorization`. */
  source: string;
  /** When the credential stops working, as far as the server knows now. */
  expiresAt: Date;
  /**
   * The credential's handle: the session id (SHA-256 of the token) or the JWT's `jti`. Safe to
   * show, useless to replay; routes use it whole (e.g. "is this my current session?").
   */
  handle: string;
}

export type AuthResult =
  | { ok: true; user: AuthUser; credential: CredentialInfo; cookies: CookieInstruction[] }
  | { ok: false; code: ErrorCode; cookies: CookieInstruction[] };

/** Context every strategy call gets: the lab, the auth clock, the settings and the trace to record into. */
export interface AuthContext {
  /** The lab the request acts in. A credential of any other lab is refused (`CREDENTIAL_OTHER_LAB`). */
  labId: string;
  /** Milliseconds since the epoch on the lab's auth clock (its demo clock may have moved it). */
  now: number;
  trace: Trace;
  settings: Settings;
  /** Identify without side effects: no sliding-expiry write, no clean-up of an expired record (lab polling). */
  readOnly?: boolean;
}

export interface IssueResult {
  cookies: CookieInstruction[];
  expiresAt: Date;
}

/** The proxy's optimistic verdict: crypto only (unseal or signature and claims), no store at all. */
export type OptimisticResult = { ok: true } | { ok: false; code: ErrorCode };

/**
 * One interface, two strategies. Strategies are pure of Next.js: they read a {@link CredentialInput}
 * and return the cookies they want set or cleared; `lib/http/respond.ts` applies them.
 */
export interface AuthStrategy {
  readonly mode: AuthMode;
  /** Does the request carry a credential of this strategy's kind at all (the proxy's cheapest check)? */
  hasCredential(input: CredentialInput): boolean;
  /**
   * What the proxy may check before a page renders: the credential's crypto (unseal, signature,
   * claims, lab), never the store — no lookup, no sliding-expiry write. The page authenticates fully.
   */
  optimistic(input: CredentialInput, ctx: AuthContext): Promise<OptimisticResult>;
  /** Issues a fresh credential for `user` (login, password change). `input`: what the browser held before (fixation defence). */
  issue(user: AuthUser, input: CredentialInput, ctx: AuthContext): Promise<IssueResult>;
  /** Authenticates one request. Expected failures are values, never exceptions. */
  authenticate(input: CredentialInput, ctx: AuthContext): Promise<AuthResult>;
  /** Ends the credential the request carries (logout). Always returns cookies that clear it. */
  revoke(input: CredentialInput, ctx: AuthContext): Promise<{ cookies: CookieInstruction[] }>;
  /** Ends every credential of a user (log out everywhere, admin revoke, password change). */
  revokeAll(userId: string, ctx: AuthContext, reason: RevokeReason): Promise<void>;
  /** The cookies that forget this strategy's credential in the browser. */
  clearCookies(): CookieInstruction[];
}

export type RevokeReason = "LOGOUT" | "LOGOUT_ALL" | "ADMIN_REVOKED" | "PASSWORD_CHANGED" | "USER_DISABLED" | "REUSE_DETECTED" | "DEMO_RESET";
