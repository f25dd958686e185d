import { sealData, unsealData } from "iron-session";
import { randomToken, sha256Hex } from "../crypto";
import type { ErrorCode } from "../errors";
import type { SessionStoreProvider } from "../stores/session-store-provider";
import { STORE_KINDS, type SessionRecord, type StoreKind } from "../stores/types";
import type { UserRow } from "../users/users";
import { toAuthUser } from "../users/users";
import { clearCookie, cookieAttributes, setCookie } from "./cookies";
import { SealCache } from "./seal-cache";
import type { AuthContext, AuthResult, AuthStrategy, AuthUser, CookieInstruction, CredentialInput, IssueResult } from "./types";

/** Seals are ~200 bytes; anything far larger is garbage and is refused before any crypto. */
const MAX_SEAL_BYTES = 1024;
/** 32 random bytes, base64url: 256 bits, well over the 128-bit floor. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface SessionStrategyDeps {
  /** The session store for each request (an admin can switch it at run time). */
  stores: SessionStoreProvider;
  users: { findById(id: string): Promise<UserRow | null> };
  /** iron-session passwords by id: the highest seals, all unseal (rotation). */
  sealPasswords: Record<string, string>;
  cookieName: string;
}

export interface SessionIssueResult extends IssueResult {
  session: SessionRecord;
}

/** What the sealed cookie holds: the token, and which store its session was created in. */
interface SealedSession {
  token: string;
  store: StoreKind | null;
}

/**
 * Cookie sessions: the browser holds an opaque sealed token; the server holds the record, keyed by
 * the token's SHA-256. Every request unseals, looks the record up and reads the user's current role,
 * so logout, revocation and role changes take effect on the very next request.
 *
 * @example
 * const { cookies } = await strategy.issue(user, { cookies: {} }, ctx);
 * const result = await strategy.authenticate({ cookies: { "__Host-session": seal } }, ctx);
 * if (result.ok) console.log(result.user.role);
 */
export class SessionStrategy implements AuthStrategy {
  readonly mode = "session" as const;
  /** Seals this process has unsealed before: the crypto is skipped, the store lookup never is. */
  private readonly seals = new SealCache<SealedSession>();
  constructor(private readonly deps: SessionStrategyDeps) {}

  async issue(user: AuthUser, input: CredentialInput, ctx: AuthContext): Promise<SessionIssueResult> {
    const { trace, settings, now } = ctx;
    const store = this.deps.stores.active(settings);
    // Fixation defence: whatever session this browser had before logging in dies now.
    const previous = await this.unseal(input.cookies[this.deps.cookieName]);
    if (previous) {
      await trace.step("fixation-defence", "Delete the pre-login session", "store", () => store.delete(sha256Hex(previous.token)));
    }
    const token = randomToken(TOKEN_BYTES);
    const session: SessionRecord = {
      id: sha256Hex(token),
      userId: user.id,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      idleExpiresAt: new Date(Math.min(now + settings.sessionIdleSeconds * 1000, now + settings.sessionAbsoluteSeconds * 1000)),
      absoluteExpiresAt: new Date(now + settings.sessionAbsoluteSeconds * 1000),
      userAgent: input.userAgent?.slice(0, 256) ?? null,
    };
    await trace.step("session-create", `Store the session record (by SHA-256 of the token) in the ${store.kind} store`, "store", () => store.create(session));
    const seal = await trace.step("seal", "Seal the token into the cookie (iron-session)", "crypto", () =>
      sealData({ t: token, s: store.kind }, { password: this.deps.sealPasswords, ttl: settings.sessionAbsoluteSeconds }),
    );
    return {
      cookies: [setCookie(this.deps.cookieName, seal, this.attributes(settings.sessionAbsoluteSeconds))],
      expiresAt: session.idleExpiresAt,
      session,
    };
  }

  async authenticate(input: CredentialInput, ctx: AuthContext): Promise<AuthResult> {
    const { trace, now, settings } = ctx;
    const raw = await trace.step("read-credential", `Read the ${this.deps.cookieName} cookie`, "credential", () => input.cookies[this.deps.cookieName]);
    if (!raw) {
      trace.fail("No session cookie was sent");
      return { ok: false, code: "UNAUTHENTICATED", cookies: [] };
    }
    trace.setCredential(this.deps.cookieName, raw.length);

    const cachedSeal = this.seals.get(raw);
    const sealed = await trace.step("unseal", "Unseal the cookie (iron-session)", "crypto", () => cachedSeal ?? this.unseal(raw));
    if (!sealed) return this.reject(ctx, "SESSION_INVALID", "The seal did not verify: tampered, foreign or garbage");
    if (cachedSeal) trace.note("Already unsealed by this instance: the crypto is cached, the lookup below never is");

    const store = this.deps.stores.active(settings);
    const id = sha256Hex(sealed.token);
    const record = await trace.step("session-lookup", `Look the session up in the ${store.kind} store`, "store", () => store.get(id));
    if (!record) {
      const elsewhere = sealed.store && sealed.store !== store.kind ? ` (it was created in the ${sealed.store} store)` : "";
      return this.reject(ctx, "SESSION_NOT_FOUND", `No such session in the ${store.kind} store${elsewhere}: logged out, revoked or never existed`);
    }

    const expired = await trace.step("expiry-check", "Check idle and absolute timeouts", "check", (): ErrorCode | null => {
      if (now >= record.absoluteExpiresAt.getTime()) return "SESSION_ABSOLUTE_TIMEOUT";
      if (now >= record.idleExpiresAt.getTime()) return "SESSION_IDLE_TIMEOUT";
      return null;
    });
    if (expired) {
      trace.fail(expired === "SESSION_IDLE_TIMEOUT" ? "Idle for too long" : "Past the absolute lifetime");
      if (!ctx.readOnly) await trace.step("session-delete", "Delete the expired session", "store", () => store.delete(id));
      return this.reject(ctx, expired);
    }

    const user = await trace.step("user-lookup", "Read the user's current role", "store", () => this.deps.users.findById(record.userId));
    if (!user || user.disabled) {
      await trace.step("session-delete", "Delete the session of a disabled user", "store", () => store.delete(id));
      return this.reject(ctx, "USER_DISABLED", "The user is disabled or gone");
    }

    let idleExpiresAt = record.idleExpiresAt;
    // Sliding expiry, written at most every minute (or tenth of the idle window) to spare the store.
    const touchEveryMs = Math.min(60_000, (settings.sessionIdleSeconds * 1000) / 10);
    if (!ctx.readOnly && now - record.lastSeenAt.getTime() >= touchEveryMs) {
      idleExpiresAt = new Date(Math.min(now + settings.sessionIdleSeconds * 1000, record.absoluteExpiresAt.getTime()));
      await trace.step("session-touch", "Slide the idle timeout forward", "store", () => store.touch(id, new Date(now), idleExpiresAt));
    }

    return {
      ok: true,
      user: toAuthUser(user),
      credential: { kind: "session", source: this.deps.cookieName, expiresAt: idleExpiresAt, id: id.slice(0, 12) },
      cookies: [],
    };
  }

  /**
   * Logout: deletes the record in the store the session was created in (named inside the seal),
   * even if an admin has switched stores since, so that switching back cannot revive it.
   */
  async revoke(input: CredentialInput, ctx: AuthContext): Promise<{ cookies: CookieInstruction[] }> {
    const sealed = await ctx.trace.step("unseal", "Unseal the cookie (iron-session)", "crypto", () => this.unseal(input.cookies[this.deps.cookieName]));
    if (sealed) {
      const store = (sealed.store && this.deps.stores.get(sealed.store)) || this.deps.stores.active(ctx.settings);
      await ctx.trace.step("session-delete", `Delete the session record from the ${store.kind} store`, "store", () => store.delete(sha256Hex(sealed.token)));
    }
    return { cookies: [this.clear()] };
  }

  /** Ends every session of the user in every store this server has (a switched-away store included). */
  async revokeAll(userId: string, ctx: AuthContext): Promise<void> {
    for (const store of this.deps.stores.all()) {
      await ctx.trace.step("session-delete-all", `Delete every session of the user from the ${store.kind} store`, "store", () => store.deleteByUser(userId));
    }
  }

  /** The session id (SHA-256 of the token) a request's cookie names, if it unseals. */
  async sessionIdOf(input: CredentialInput): Promise<string | null> {
    const sealed = await this.unseal(input.cookies[this.deps.cookieName]);
    return sealed ? sha256Hex(sealed.token) : null;
  }

  clear(): CookieInstruction {
    return clearCookie(this.deps.cookieName, this.attributes(0));
  }

  private attributes(maxAge: number) {
    return cookieAttributes({ maxAge, sameSite: "lax" });
  }

  private reject(ctx: AuthContext, code: ErrorCode, detail?: string): AuthResult {
    if (detail) ctx.trace.fail(detail);
    // Whatever the cookie was, it will never work again: clear it so the browser stops sending it.
    return { ok: false, code, cookies: [this.clear()] };
  }

  /** Returns what a seal holds, or null for anything that is not a valid seal of ours. */
  private async unseal(seal: string | undefined): Promise<SealedSession | null> {
    if (!seal || seal.length > MAX_SEAL_BYTES) return null;
    const cached = this.seals.get(seal);
    if (cached) return cached;
    try {
      const data = await unsealData<{ t?: unknown; s?: unknown }>(seal, { password: this.deps.sealPasswords, ttl: 0 });
      if (typeof data.t !== "string" || !TOKEN_PATTERN.test(data.t)) return null;
      const store = STORE_KINDS.find((kind) => kind === data.s) ?? null;
      const sealed = { token: data.t, store };
      this.seals.set(seal, sealed);
      return sealed;
    } catch {
      // iron-session throws on some malformed input (bad base64, wrong part count): still just garbage.
      return null;
    }
  }
}
