import { sealData, unsealData } from "iron-session";
import { randomToken, sha256Hex } from "../crypto";
import type { ErrorCode } from "../errors";
import { DEFAULT_LAB_ID, isLabId } from "../labs/lab-id";
import type { SessionStoreProvider } from "../stores/session-store-provider";
import { STORE_KINDS, type SessionRecord, type SessionWithUser, type StoreKind } from "../stores/types";
import type { UserRow } from "../users/users";
import { toAuthUser } from "../users/users";
import { clearCookie, cookieAttributes, setCookie } from "./cookies";
import { LruCache } from "./lru-cache";
import type { AuthContext, AuthResult, AuthStrategy, AuthUser, CookieInstruction, CredentialInput, IssueResult, OptimisticResult } from "./types";

/** Seals are ~200 bytes; anything far larger is garbage and is refused before any crypto. */
const MAX_SEAL_BYTES = 1024;
/** 32 random bytes, base64url: 256 bits, well over the 128-bit floor. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface SessionStrategyDeps {
  /** The session store for each request (the operator can switch it at run time). */
  stores: SessionStoreProvider;
  users: { findById(labId: string, id: string): Promise<UserRow | null> };
  /** iron-session passwords by id: the highest seals, all unseal (rotation). */
  sealPasswords: Record<string, string>;
  cookieName: string;
  /** At most this many sessions per lab: a login beyond it ends the lab's oldest (LAB_MAX_SESSIONS). */
  maxSessionsPerLab: number;
}

export interface SessionIssueResult extends IssueResult {
  session: SessionRecord;
}

/** What the sealed cookie holds: the token, which store its session was created in, and its lab. */
interface SealedSession {
  token: string;
  store: StoreKind | null;
  labId: string;
}

/**
 * Cookie sessions: the browser holds an opaque sealed token; the server holds the record, keyed by
 * the lab and the token's SHA-256. Every request unseals, looks the record and its user up (one
 * query on SQL) and reads the user's current role, so logout, revocation and role changes take
 * effect on the very next request.
 *
 * @example
 * const { cookies } = await strategy.issue(user, { cookies: {} }, ctx);
 * const result = await strategy.authenticate({ cookies: { "__Host-session": seal } }, ctx);
 * if (result.ok) console.log(result.user.role);
 */
export class SessionStrategy implements AuthStrategy {
  readonly mode = "session" as const;
  /**
   * Seals this process has unsealed before. Unsealing is pure crypto (two key derivations, an HMAC
   * and AES, ~300 µs) whose answer for one exact seal never changes; everything that can change
   * (does the session exist? is the user disabled? the role?) is looked up on every request, so a
   * hit skips crypto, never a check. A tampered seal is another string: it always goes through.
   */
  private readonly seals = new LruCache<SealedSession>(5_000);
  constructor(private readonly deps: SessionStrategyDeps) {}

  hasCredential(input: CredentialInput): boolean {
    return Boolean(input.cookies[this.deps.cookieName]);
  }

  async optimistic(input: CredentialInput, ctx: AuthContext): Promise<OptimisticResult> {
    const sealed = await this.unseal(input.cookies[this.deps.cookieName]);
    if (!sealed) return { ok: false, code: input.cookies[this.deps.cookieName] ? "SESSION_INVALID" : "UNAUTHENTICATED" };
    return sealed.labId === ctx.labId ? { ok: true } : { ok: false, code: "CREDENTIAL_OTHER_LAB" };
  }

  async issue(user: AuthUser, input: CredentialInput, ctx: AuthContext): Promise<SessionIssueResult> {
    const { trace, settings, now, labId } = ctx;
    const store = this.deps.stores.active(settings);
    // Fixation defence: whatever session this browser had before logging in dies now.
    const previous = await this.unseal(input.cookies[this.deps.cookieName]);
    if (previous && previous.labId === labId) {
      await trace.step("fixation-defence", "Delete the pre-login session", "store", () => store.delete(labId, sha256Hex(previous.token)));
    }
    const token = randomToken(TOKEN_BYTES);
    const session: SessionRecord = {
      id: sha256Hex(token),
      labId,
      userId: user.id,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      idleExpiresAt: new Date(Math.min(now + settings.sessionIdleSeconds * 1000, now + settings.sessionAbsoluteSeconds * 1000)),
      absoluteExpiresAt: new Date(now + settings.sessionAbsoluteSeconds * 1000),
      userAgent: input.userAgent?.slice(0, 256) ?? null,
    };
    await trace.step("session-create", `Store the session record (by SHA-256 of the token) in the ${store.kind} store`, "store", () => store.create(session));
    const trimmed = await trace.step("session-cap", `Keep at most ${this.deps.maxSessionsPerLab} sessions in this lab`, "store", () => store.trimLab(labId, this.deps.maxSessionsPerLab));
    if (trimmed > 0) trace.note(`The lab was at its cap: its ${trimmed} oldest session(s) ended`);
    const seal = await trace.step("seal", "Seal the token into the cookie (encrypted and signed: iron-session)", "crypto", () =>
      sealData({ t: token, s: store.kind, l: labId }, { password: this.deps.sealPasswords, ttl: settings.sessionAbsoluteSeconds }),
    );
    return {
      cookies: [setCookie(this.deps.cookieName, seal, this.attributes(settings.sessionAbsoluteSeconds))],
      expiresAt: session.idleExpiresAt,
      session,
    };
  }

  async authenticate(input: CredentialInput, ctx: AuthContext): Promise<AuthResult> {
    const { trace, now, settings, labId } = ctx;
    const raw = input.cookies[this.deps.cookieName];
    trace.mark("read-credential", `Read the ${this.deps.cookieName} cookie`, "credential");
    if (!raw) {
      trace.fail("No session cookie was sent");
      return { ok: false, code: "UNAUTHENTICATED", cookies: [] };
    }
    trace.setCredential(this.deps.cookieName, raw.length);

    const cachedSeal = this.seals.get(raw);
    const sealed = cachedSeal ?? (await trace.step("unseal", "Unseal the cookie (decrypt and check its signature: iron-session)", "crypto", () => this.unseal(raw)));
    if (cachedSeal) trace.mark("unseal", "Unseal the cookie (decrypt and check its signature: iron-session)", "crypto", "Already unsealed by this instance: the crypto is cached, the lookup below never is");
    if (!sealed) return this.reject(ctx, "SESSION_INVALID", "The seal did not verify: tampered, foreign or garbage");
    if (sealed.labId !== labId) return this.reject(ctx, "CREDENTIAL_OTHER_LAB", `Sealed for lab ${sealed.labId}, presented in lab ${labId}: no lookup made`);

    const store = this.deps.stores.active(settings);
    const id = sha256Hex(sealed.token);
    const found = await this.lookup(store, labId, id, ctx);
    if (!found) {
      const elsewhere = sealed.store && sealed.store !== store.kind ? ` (it was created in the ${sealed.store} store)` : "";
      return this.reject(ctx, "SESSION_NOT_FOUND", `No such session in the ${store.kind} store${elsewhere}: logged out, revoked or never existed`);
    }
    const { session: record } = found;

    const expired: ErrorCode | null = now >= record.absoluteExpiresAt.getTime() ? "SESSION_ABSOLUTE_TIMEOUT" : now >= record.idleExpiresAt.getTime() ? "SESSION_IDLE_TIMEOUT" : null;
    trace.mark("expiry-check", "Check idle and absolute timeouts", "check", expired ? (expired === "SESSION_IDLE_TIMEOUT" ? "Idle for too long" : "Past the absolute lifetime") : undefined, expired ? "fail" : "ok");
    if (expired) {
      if (!ctx.readOnly) await trace.step("session-delete", "Delete the expired session", "store", () => store.delete(labId, id));
      return this.reject(ctx, expired);
    }

    const user = found.user === undefined ? await trace.step("user-lookup", "Read the user's current role", "store", () => this.deps.users.findById(labId, record.userId)) : found.user;
    if (!user || user.disabled) {
      if (!ctx.readOnly) await trace.step("session-delete", "Delete the session of a disabled user", "store", () => store.delete(labId, id));
      return this.reject(ctx, "USER_DISABLED", "The user is disabled or gone");
    }

    let idleExpiresAt = record.idleExpiresAt;
    // Sliding expiry, written at most every minute (or tenth of the idle window) to spare the store.
    const touchEveryMs = Math.min(60_000, (settings.sessionIdleSeconds * 1000) / 10);
    if (!ctx.readOnly && now - record.lastSeenAt.getTime() >= touchEveryMs) {
      idleExpiresAt = new Date(Math.min(now + settings.sessionIdleSeconds * 1000, record.absoluteExpiresAt.getTime()));
      await trace.step("session-touch", "Slide the idle timeout forward", "store", () => store.touch(labId, id, new Date(now), idleExpiresAt));
    }

    return {
      ok: true,
      user: toAuthUser(user),
      credential: { kind: "session", source: this.deps.cookieName, expiresAt: idleExpiresAt, handle: id },
      cookies: [],
    };
  }

  /**
   * Logout: deletes the record in the store the session was created in (named inside the seal),
   * even if the operator has switched stores since, so that switching back cannot revive it.
   */
  async revoke(input: CredentialInput, ctx: AuthContext): Promise<{ cookies: CookieInstruction[] }> {
    const sealed = await ctx.trace.step("unseal", "Unseal the cookie (iron-session)", "crypto", () => this.unseal(input.cookies[this.deps.cookieName]));
    if (sealed && sealed.labId === ctx.labId) {
      const store = (sealed.store && this.deps.stores.get(sealed.store, ctx.settings)) || this.deps.stores.active(ctx.settings);
      await ctx.trace.step("session-delete", `Delete the session record from the ${store.kind} store`, "store", () => store.delete(ctx.labId, sha256Hex(sealed.token)));
    }
    return { cookies: this.clearCookies() };
  }

  /** Ends every session of the user in every store this server has (a switched-away store included). */
  async revokeAll(userId: string, ctx: AuthContext): Promise<void> {
    for (const store of this.deps.stores.all(ctx.settings)) {
      await ctx.trace.step("session-delete-all", `Delete every session of the user from the ${store.kind} store`, "store", () => store.deleteByUser(ctx.labId, userId));
    }
  }

  clearCookies(): CookieInstruction[] {
    return [clearCookie(this.deps.cookieName, this.attributes(0))];
  }

  /** The session and its user: one query where the store joins them (SQL), else the session alone (the user is read next). */
  private async lookup(store: ReturnType<SessionStoreProvider["active"]>, labId: string, id: string, ctx: AuthContext): Promise<{ session: SessionRecord; user?: UserRow | null } | null> {
    const { trace } = ctx;
    if (store.getWithUser) {
      const both: SessionWithUser | null = await trace.step("session-lookup", `Look the session and its user up in the ${store.kind} store (one query)`, "store", () => store.getWithUser!(labId, id));
      return both;
    }
    const session = await trace.step("session-lookup", `Look the session up in the ${store.kind} store`, "store", () => store.get(labId, id));
    return session ? { session } : null;
  }

  private attributes(maxAge: number) {
    return cookieAttributes("session", maxAge);
  }

  private reject(ctx: AuthContext, code: ErrorCode, detail?: string): AuthResult {
    if (detail) ctx.trace.fail(detail);
    // Whatever the cookie was, it will never work again here: clear it so the browser stops sending it.
    return { ok: false, code, cookies: this.clearCookies() };
  }

  /** Returns what a seal holds, or null for anything that is not a valid seal of ours. */
  private async unseal(seal: string | undefined): Promise<SealedSession | null> {
    if (!seal || seal.length > MAX_SEAL_BYTES) return null;
    const cached = this.seals.get(seal);
    if (cached) return cached;
    try {
      const data = await unsealData<{ t?: unknown; s?: unknown; l?: unknown }>(seal, { password: this.deps.sealPasswords, ttl: 0 });
      if (typeof data.t !== "string" || !TOKEN_PATTERN.test(data.t)) return null;
      const store = STORE_KINDS.find((kind) => kind === data.s) ?? null;
      // Seals made before labs existed belong to the default lab, where their sessions now are.
      const labId = data.l === undefined ? DEFAULT_LAB_ID : isLabId(data.l) ? data.l : null;
      if (!labId) return null;
      const sealed = { token: data.t, store, labId };
      this.seals.set(seal, sealed, sealExpiresAtMs(seal));
      return sealed;
    } catch {
      // iron-session throws on some malformed input (bad base64, wrong part count): still just garbage.
      return null;
    }
  }
}

/** iron-webcrypto accepts a seal until 60 s after its expiration (`timestampSkewSec`); so does the cache. */
const IRON_TIMESTAMP_SKEW_MS = 60_000;

/**
 * Until when a seal may be cached: the expiration iron wrote into it
 * (`Fe26.2*id*salt*iv*data*<expiration>*hmacSalt*hmac`, iron-session appending `~<version>`) plus
 * iron's own skew, or never-expiring when it has none.
 */
export function sealExpiresAtMs(seal: string): number | null {
  const expiration = seal.split("~")[0]?.split("*")[5];
  return expiration && /^\d+$/.test(expiration) ? Number(expiration) + IRON_TIMESTAMP_SKEW_MS : null;
}
