import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { ErrorCode } from "../errors";
import { labDenylistStore } from "../stores/store-fault";
import type { DenylistStore } from "../stores/types";
import type { UserRow } from "../users/users";
import { asRole, toAuthUser } from "../users/users";
import { clearCookie, cookieAttributes, setCookie } from "./cookies";
import type { KeySet } from "./jwt-keys";
import { UnknownKeyError } from "./jwt-keys";
import type { RefreshTokenService } from "./refresh-tokens";
import type { AuthContext, AuthResult, AuthStrategy, AuthUser, CookieInstruction, CredentialInput, IssueResult, OptimisticResult, RevokeReason } from "./types";
import { DEFAULT_LAB_ID, isLabId } from "../labs/lab-id";
import { VerifiedTokenCache } from "./verified-token-cache";
import { parseAuthorization } from "./bearer";

/** Our tokens are ~400 bytes. Anything over this is refused before any parsing or crypto. */
export const MAX_TOKEN_BYTES = 4096;
/** `typ` of our access tokens (RFC 9068); a refresh token is not a JWT at all, so the two cannot be confused. */
export const ACCESS_TOKEN_TYP = "at+jwt";
/** Seconds of clock skew tolerated on exp / nbf / iat. */
export const CLOCK_TOLERANCE_SECONDS = 5;
/** Upper bound on token age, which also makes jose reject an `iat` in the future. */
export const MAX_TOKEN_AGE_SECONDS = 86_400 + CLOCK_TOLERANCE_SECONDS;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export interface JwtStrategyDeps {
  /** The key set of the request's lab: the server's, or the lab's own after it rotated (lib/auth/lab-keys.ts). */
  keys: (ctx: AuthContext) => Promise<KeySet>;
  refresh: RefreshTokenService;
  denylist: DenylistStore;
  users: { findById(labId: string, id: string): Promise<UserRow | null> };
  issuer: string;
  audience: string;
  cookieNames: { access: string; refresh: string };
}

export interface AccessClaims extends JWTPayload {
  sub: string;
  jti: string;
  iat: number;
  exp: number;
  role: "user" | "admin";
  email: string;
  /** The lab the token was issued in: it is refused in every other lab (no lookup needed to know). */
  lab: string;
  /**
   * When it was issued, to the millisecond (`iat` has whole seconds): "every token of this user
   * issued before now" must not spare a token issued earlier in the same second.
   */
  iat_ms?: number;
}

export interface JwtIssueResult extends IssueResult {
  accessToken: string;
  expiresIn: number;
  familyId: string;
  claims: AccessClaims;
}

export type RefreshResult =
  | { ok: true; user: AuthUser; accessToken: string; expiresIn: number; familyId: string; cookies: CookieInstruction[] }
  | { ok: false; code: ErrorCode; cookies: CookieInstruction[] };

type VerifyResult = { ok: true; claims: AccessClaims; cached: boolean } | { ok: false; code: ErrorCode; detail: string };

/**
 * JWT access tokens with rotating refresh tokens. Authenticating a request verifies the signature and
 * claims and trusts the role inside the token: no store lookup at all, unless the denylist is on.
 * That is why a JWT outlives logout until `exp`, and why a role change shows only after refresh.
 *
 * @example
 * const { accessToken, cookies } = await strategy.issue(user, { cookies: {} }, ctx);
 * const result = await strategy.authenticate({ cookies: {}, authorization: `Bearer ${accessToken}` }, ctx);
 */
export class JwtStrategy implements AuthStrategy {
  readonly mode = "jwt" as const;
  /** Tokens this process verified before: the signature check is skipped, the time and denylist checks never are. */
  private readonly verified = new VerifiedTokenCache<AccessClaims>({ clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS, maxTokenAgeSeconds: MAX_TOKEN_AGE_SECONDS });
  constructor(private readonly deps: JwtStrategyDeps) {}

  hasCredential(input: CredentialInput): boolean {
    return parseAuthorization(input.authorization).scheme === "bearer" || Boolean(input.cookies[this.deps.cookieNames.access]);
  }

  async optimistic(input: CredentialInput, ctx: AuthContext): Promise<OptimisticResult> {
    const found = this.readAccessToken(input);
    if (!found?.source) return { ok: false, code: "UNAUTHENTICATED" };
    const verified = await this.verify(found.token, ctx);
    if (!verified.ok) return { ok: false, code: verified.code };
    return verified.claims.lab === ctx.labId ? { ok: true } : { ok: false, code: "CREDENTIAL_OTHER_LAB" };
  }

  /** Starts a refresh family and signs an access token. `_input` is unused: a JWT login has no previous credential to retire. */
  async issue(user: AuthUser, _input: CredentialInput, ctx: AuthContext): Promise<JwtIssueResult> {
    const family = await ctx.trace.step("refresh-family-create", "Start a refresh-token family (the chain of refresh tokens of this login)", "store", () =>
      this.deps.refresh.startFamily(ctx.labId, user.id, ctx.now, ctx.settings),
    );
    const access = await this.signAccessToken(user, ctx);
    return {
      accessToken: access.token,
      expiresIn: ctx.settings.accessTtlSeconds,
      familyId: family.familyId,
      claims: access.claims,
      expiresAt: new Date(access.claims.exp * 1000),
      cookies: [this.accessCookie(access.token, ctx), this.refreshCookie(family.token, family.expiresAt, ctx)],
    };
  }

  /** An access token alone: no cookies, no refresh family (API clients, the lab's instructor actions). */
  async issueAccessOnly(user: AuthUser, ctx: AuthContext): Promise<{ accessToken: string; expiresIn: number; claims: AccessClaims }> {
    const access = await this.signAccessToken(user, ctx);
    return { accessToken: access.token, expiresIn: ctx.settings.accessTtlSeconds, claims: access.claims };
  }

  async authenticate(input: CredentialInput, ctx: AuthContext): Promise<AuthResult> {
    const { trace } = ctx;
    const found = this.readAccessToken(input);
    trace.mark("read-credential", "Read the access token (Authorization header, else cookie)", "credential");
    if (!found || !found.source) {
      trace.fail([found?.ignored, "No bearer token and no access cookie"].filter(Boolean).join("; "));
      return { ok: false, code: "UNAUTHENTICATED", cookies: [] };
    }
    trace.setCredential(found.source, found.token.length);
    trace.note([`From ${found.source}`, found.ignored].filter(Boolean).join("; "));

    const verified = await trace.step("jwt-verify", "Check the signature and the claims (jose jwtVerify)", "crypto", () => this.verify(found.token, ctx));
    if (!verified.ok) {
      trace.fail(verified.detail);
      return { ok: false, code: verified.code, cookies: [] };
    }
    if (verified.cached) trace.note("Signature already checked by this instance for this exact token: cached; exp, nbf and iat re-checked now");
    const { claims } = verified;
    if (claims.lab !== ctx.labId) {
      trace.mark("lab-check", "Check the token's lab claim", "check", `Issued in lab ${claims.lab}, presented in lab ${ctx.labId}`, "fail");
      return { ok: false, code: "CREDENTIAL_OTHER_LAB", cookies: [] };
    }

    if (ctx.settings.denylistEnabled) {
      const hit = await trace.step("denylist-check", "Look the jti up in the denylist (the revoked-token list)", "store", () =>
        this.denylist(ctx).check(ctx.labId, claims.jti, claims.sub, claims.iat_ms ?? claims.iat * 1000, ctx.now),
      );
      if (hit) {
        trace.fail(hit === "jti" ? "This token was logged out" : "Every token of this user was revoked");
        return { ok: false, code: "TOKEN_REVOKED", cookies: [] };
      }
    }

    return {
      ok: true,
      user: { id: claims.sub, email: claims.email, role: claims.role },
      credential: { kind: "jwt", source: found.source, expiresAt: new Date(claims.exp * 1000), handle: claims.jti },
      cookies: [],
    };
  }

  /** Rotates the refresh token and mints a new access token with the user's current role. */
  async refresh(input: CredentialInput, ctx: AuthContext): Promise<RefreshResult> {
    const { trace } = ctx;
    const token = input.cookies[this.deps.cookieNames.refresh];
    if (token) trace.setCredential(this.deps.cookieNames.refresh, token.length);
    const rotated = await trace.step("refresh-rotate", "Spend the refresh token, create its successor", "store", () =>
      this.deps.refresh.rotate(token, ctx.labId, ctx.now, ctx.settings),
    );
    if (!rotated.ok) {
      trace.fail(rotated.code);
      // A concurrent retry keeps the winner's cookies; every other failure clears the dead ones.
      return { ok: false, code: rotated.code, cookies: rotated.code === "REFRESH_TOKEN_RACE" ? [] : this.clearCookies() };
    }
    if (rotated.retried) trace.note("A retry of an exchange that already happened (inside the grace window): the same successor handed back, nothing new created");
    const row = await trace.step("user-lookup", "Read the user's current role and status", "store", () => this.deps.users.findById(ctx.labId, rotated.userId));
    if (!row || row.disabled) {
      await trace.step("refresh-family-revoke", "Revoke the family of a disabled user", "store", () => this.deps.refresh.revokeFamily(rotated.issued.familyId, ctx.now, "USER_DISABLED"));
      trace.fail("The user is disabled or gone");
      return { ok: false, code: "USER_DISABLED", cookies: this.clearCookies() };
    }
    const user = toAuthUser(row);
    const access = await this.signAccessToken(user, ctx);
    return {
      ok: true,
      user,
      accessToken: access.token,
      expiresIn: ctx.settings.accessTtlSeconds,
      familyId: rotated.issued.familyId,
      cookies: [this.accessCookie(access.token, ctx), this.refreshCookie(rotated.issued.token, rotated.issued.expiresAt, ctx)],
    };
  }

  /**
   * Logout: revokes the refresh family and clears both cookies. The access token itself stays valid
   * until `exp` — unless the denylist is on, in which case its `jti` is recorded until then.
   */
  async revoke(input: CredentialInput, ctx: AuthContext): Promise<{ cookies: CookieInstruction[] }> {
    const { trace } = ctx;
    await trace.step("refresh-family-revoke", "Revoke the refresh-token family", "store", () =>
      this.deps.refresh.revokeByToken(input.cookies[this.deps.cookieNames.refresh], ctx.labId, ctx.now, "LOGOUT"),
    );
    if (ctx.settings.denylistEnabled) {
      const found = this.readAccessToken(input);
      const verified = found?.source ? await this.verify(found.token, ctx) : null;
      if (verified?.ok && verified.claims.lab === ctx.labId) {
        const { jti, exp } = verified.claims;
        await trace.step("denylist-add", "Put the access token's jti on the denylist until exp", "store", () =>
          this.denylist(ctx).add(ctx.labId, { key: `jti:${jti}`, expiresAt: new Date((exp + CLOCK_TOLERANCE_SECONDS) * 1000), notBefore: null }),
        );
      }
    }
    return { cookies: this.clearCookies() };
  }

  async revokeAll(userId: string, ctx: AuthContext, reason: RevokeReason): Promise<void> {
    await ctx.trace.step("refresh-family-revoke-all", "Revoke every refresh family of the user", "store", () =>
      this.deps.refresh.revokeAllForUser(ctx.labId, userId, ctx.now, reason),
    );
    if (ctx.settings.denylistEnabled) {
      // Tokens issued before this millisecond die (iat_ms); a login right after the revocation still works.
      const notBefore = new Date(ctx.now);
      const expiresAt = new Date(ctx.now + (MAX_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000);
      await ctx.trace.step("denylist-add", "Denylist every token of the user issued before now", "store", () =>
        this.denylist(ctx).add(ctx.labId, { key: `sub:${userId}`, expiresAt, notBefore }),
      );
    }
  }

  /** Verifies a token with pinned options. Expected failures come back as values with a stable code. */
  async verify(token: string, ctx: AuthContext): Promise<VerifyResult> {
    if (token.length > MAX_TOKEN_BYTES) return { ok: false, code: "TOKEN_TOO_LARGE", detail: `${token.length} bytes is over the ${MAX_TOKEN_BYTES}-byte cap` };
    if (!COMPACT_JWS.test(token)) return { ok: false, code: "TOKEN_MALFORMED", detail: "Not three base64url parts separated by dots" };
    const keys = await this.deps.keys(ctx);
    const known = this.verified.get(keys, token, ctx.now);
    if (known) return { ok: true, claims: known, cached: true };
    try {
      const { payload } = await jwtVerify(token, (header) => keys.verify(header), {
        algorithms: [keys.alg],
        issuer: this.deps.issuer,
        audience: this.deps.audience,
        typ: ACCESS_TOKEN_TYP,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: MAX_TOKEN_AGE_SECONDS,
        requiredClaims: ["sub", "jti", "iat", "exp"],
        currentDate: new Date(ctx.now),
      });
      const claims = asAccessClaims(payload);
      if (!claims) return { ok: false, code: "TOKEN_CLAIM_INVALID", detail: "role, email, sub or jti has the wrong type, or exp/iat/nbf is not a whole number of seconds a date can hold" };
      this.verified.set(keys, token, claims);
      return { ok: true, claims, cached: false };
    } catch (error) {
      return verifyFailure(error);
    }
  }

  clearCookies(): CookieInstruction[] {
    return [
      clearCookie(this.deps.cookieNames.access, cookieAttributes("access", 0)),
      clearCookie(this.deps.cookieNames.refresh, cookieAttributes("refresh", 0)),
    ];
  }

  /** The denylist as the request's lab sees it: refusing, like a store that is down, while the lab's outage switch is on. */
  private denylist(ctx: AuthContext): DenylistStore {
    return labDenylistStore(this.deps.denylist, ctx.settings);
  }

  /**
   * The access token a request carries. RFC 6750: a Bearer header wins over the cookie when both
   * are present; a malformed Bearer header is still a Bearer attempt (refused as malformed). Any
   * other scheme (Basic from an HTTP-auth gate, say) is not ours: ignored, so it can never hide a
   * valid access cookie, and noted on the trace.
   */
  private readAccessToken(input: CredentialInput): { token: string; source: string; ignored?: string } | null {
    const header = parseAuthorization(input.authorization);
    if (header.scheme === "bearer") return { token: header.token ?? "", source: "Authorization" };
    const ignored = header.scheme === "other" ? `Authorization: ${header.name} … ignored (only Bearer carries an access token)` : undefined;
    const cookie = input.cookies[this.deps.cookieNames.access];
    if (!cookie) return ignored ? { token: "", source: "", ignored } : null;
    return { token: cookie, source: this.deps.cookieNames.access, ...(ignored ? { ignored } : {}) };
  }

  private async signAccessToken(user: AuthUser, ctx: AuthContext): Promise<{ token: string; claims: AccessClaims }> {
    const keys = await this.deps.keys(ctx);
    const iat = Math.floor(ctx.now / 1000);
    const claims: AccessClaims = {
      sub: user.id,
      role: user.role,
      email: user.email,
      lab: ctx.labId,
      iat,
      iat_ms: ctx.now,
      exp: iat + ctx.settings.accessTtlSeconds,
      jti: crypto.randomUUID(),
      iss: this.deps.issuer,
      aud: this.deps.audience,
    };
    const token = await ctx.trace.step("jwt-sign", `Sign the access token (${keys.alg})`, "crypto", () =>
      new SignJWT({ role: claims.role, email: claims.email, lab: claims.lab, iat_ms: claims.iat_ms })
        .setProtectedHeader({ alg: keys.alg, typ: ACCESS_TOKEN_TYP, kid: keys.signingKid })
        .setSubject(claims.sub)
        .setIssuedAt(claims.iat)
        .setExpirationTime(claims.exp)
        .setJti(claims.jti)
        .setIssuer(this.deps.issuer)
        .setAudience(this.deps.audience)
        .sign(keys.signingKey),
    );
    return { token, claims };
  }

  private accessCookie(token: string, ctx: AuthContext): CookieInstruction {
    return setCookie(this.deps.cookieNames.access, token, cookieAttributes("access", ctx.settings.accessTtlSeconds));
  }

  private refreshCookie(token: string, expiresAt: Date, ctx: AuthContext): CookieInstruction {
    const maxAge = Math.max(1, Math.floor((expiresAt.getTime() - ctx.now) / 1000));
    return setCookie(this.deps.cookieNames.refresh, token, cookieAttributes("refresh", maxAge));
  }
}

/**
 * The largest NumericDate (seconds) a JavaScript Date can hold: 8.64e15 ms. A validly signed token
 * may still carry `exp: 1e300`; jose accepts it as "far future", but nothing downstream can turn
 * it into a date, so such a claim is refused here as invalid rather than failing later as a 500.
 */
const MAX_NUMERIC_DATE = 8.64e12;

function isNumericDate(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && Math.abs(value) <= MAX_NUMERIC_DATE;
}

function asAccessClaims(payload: JWTPayload): AccessClaims | null {
  const { sub, jti, iat, exp, nbf, role, email, lab, iat_ms } = payload;
  if (typeof sub !== "string" || typeof jti !== "string" || !isNumericDate(iat) || !isNumericDate(exp)) return null;
  if (nbf !== undefined && !isNumericDate(nbf)) return null;
  if (role !== "user" && role !== "admin") return null;
  if (typeof email !== "string") return null;
  // Tokens signed before labs existed belong to the default lab, where their users now are.
  if (lab !== undefined && !isLabId(lab)) return null;
  // The millisecond issue time must agree with `iat`, or a forged one could dodge a revocation.
  if (iat_ms !== undefined && (typeof iat_ms !== "number" || !Number.isSafeInteger(iat_ms) || Math.floor(iat_ms / 1000) !== iat)) return null;
  return { ...payload, sub, jti, iat, exp, role: asRole(role), email, lab: lab ?? DEFAULT_LAB_ID, ...(iat_ms !== undefined ? { iat_ms } : {}) };
}

function verifyFailure(error: unknown): { ok: false; code: ErrorCode; detail: string } {
  if (error instanceof UnknownKeyError) return { ok: false, code: "TOKEN_KEY_UNKNOWN", detail: error.message };
  if (error instanceof joseErrors.JWTExpired) return { ok: false, code: "TOKEN_EXPIRED", detail: `${error.claim} check failed: ${error.reason}` };
  if (error instanceof joseErrors.JWTClaimValidationFailed) return { ok: false, code: "TOKEN_CLAIM_INVALID", detail: `${error.claim} check failed: ${error.reason}` };
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return { ok: false, code: "TOKEN_ALG_NOT_ALLOWED", detail: error.message };
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return { ok: false, code: "TOKEN_SIGNATURE_INVALID", detail: "The signature does not match header and payload" };
  if (error instanceof joseErrors.JOSEError) return { ok: false, code: "TOKEN_MALFORMED", detail: error.message };
  // Anything else (a TypeError from malformed JSON inside the token, say) is still bad client input.
  return { ok: false, code: "TOKEN_MALFORMED", detail: error instanceof Error ? error.message : "unparseable token" };
}
