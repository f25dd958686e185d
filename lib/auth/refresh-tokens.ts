import "server-only";
import { sealData, unsealData } from "iron-session";
import { randomToken, sha256Hex } from "../crypto";
import type { ErrorCode } from "../errors";
import type { Settings } from "../settings/schema";
import type { EventStore } from "../stores/event-store";
import type { RefreshStore } from "../stores/refresh-store";
import type { RevokeReason } from "./types";

/** 32 random bytes: 256 bits. */
const REFRESH_TOKEN_BYTES = 32;
const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** How far behind the spending instance's clock another instance may be: its retry still counts as one. */
const SPENT_IN_FUTURE_TOLERANCE_MS = 5_000;
/** The sealed successor outlives the grace window by this much real time, for clock skew between instances. */
const SEAL_TTL_MARGIN_SECONDS = 30;

interface SpentToken {
  id: string;
  familyId: string;
  usedAt: Date | null;
  successorSeal: string | null;
}

export interface RefreshTokenServiceDeps {
  store: RefreshStore;
  events: EventStore;
  /** iron passwords by id (the session passwords) that seal a successor for the grace window. */
  sealPasswords: Record<string, string>;
  /** At most this many families per lab: a login beyond it drops the lab's oldest (LAB_MAX_FAMILIES). */
  maxFamiliesPerLab: number;
}

export interface IssuedRefreshToken {
  token: string;
  familyId: string;
  expiresAt: Date;
}

export type RotateResult =
  /** `retried`: a retry inside the grace window, handed the successor the first attempt created. */
  | { ok: true; userId: string; issued: IssuedRefreshToken; retried: boolean }
  | { ok: false; code: ErrorCode; familyId?: string };

/**
 * Refresh-token families with rotation and reuse detection (RFC 9700 §4.14.2).
 *
 * Semantics (README "Refresh rotation"):
 * - Every refresh token is single use. Rotating claims the presented token with one conditional
 *   update (`usedAt IS NULL`), so of any number of concurrent refreshes exactly one wins and
 *   creates the one successor: the family never forks.
 * - A retry inside the grace window (`refreshGraceSeconds`) with the immediate parent of the live
 *   token — a second tab, a double click, or a client whose answer was lost on the network — gets
 *   that same successor back (200), with a fresh access token: nothing new is created, so the family
 *   still has exactly one live token, and every retry holds it. This is what lets a flaky network
 *   never turn into a logout. (The successor is kept sealed on its parent for the window only; see
 *   `successorSeal` in the schema.) If the sealed copy cannot be used (it expired, or the password
 *   it was sealed with is gone), the retry gets 409 `REFRESH_TOKEN_RACE` and nothing changes.
 * - Anything else that presents a spent token is theft: after the grace window, or inside it when
 *   the token is not the immediate parent of the live one (a grandparent, or a parent whose
 *   successor was itself already spent). The whole family (every descendant) is revoked, the event
 *   recorded, and 401 `REFRESH_TOKEN_REUSED`.
 * - A family dies at its absolute lifetime; each token at its idle lifetime.
 */
export class RefreshTokenService {
  constructor(private readonly deps: RefreshTokenServiceDeps) {}

  async startFamily(labId: string, userId: string, now: number, settings: Settings): Promise<IssuedRefreshToken> {
    const token = randomToken(REFRESH_TOKEN_BYTES);
    const absoluteExpiresAt = new Date(now + settings.refreshTtlSeconds * 1000);
    const expiresAt = new Date(Math.min(now + settings.refreshIdleSeconds * 1000, absoluteExpiresAt.getTime()));
    const familyId = await this.deps.store.startFamily({ labId, userId, createdAt: new Date(now), absoluteExpiresAt }, { tokenHash: sha256Hex(token), createdAt: new Date(now), expiresAt });
    await this.deps.store.trimLab(labId, this.deps.maxFamiliesPerLab);
    return { token, familyId, expiresAt };
  }

  async rotate(token: string | undefined, labId: string, now: number, settings: Settings): Promise<RotateResult> {
    if (!token) return { ok: false, code: "REFRESH_TOKEN_MISSING" };
    if (!REFRESH_TOKEN_PATTERN.test(token)) return { ok: false, code: "REFRESH_TOKEN_INVALID" };
    const found = await this.deps.store.findByHash(sha256Hex(token));
    if (!found) return { ok: false, code: "REFRESH_TOKEN_INVALID" };
    const { token: row, family } = found;
    // Another lab's refresh token: it must not even tell whether it is spent or revoked there.
    if (family.labId !== labId) return { ok: false, code: "CREDENTIAL_OTHER_LAB" };
    if (family.revokedAt) return { ok: false, code: "REFRESH_TOKEN_REVOKED", familyId: family.id };
    if (now >= family.absoluteExpiresAt.getTime() || now >= row.expiresAt.getTime()) {
      return { ok: false, code: "REFRESH_TOKEN_EXPIRED", familyId: family.id };
    }
    if (row.usedAt) return this.spent(row, family.labId, family.userId, now, settings);

    const next = randomToken(REFRESH_TOKEN_BYTES);
    const expiresAt = new Date(Math.min(now + settings.refreshIdleSeconds * 1000, family.absoluteExpiresAt.getTime()));
    // Sealed before the transaction (it is pure crypto); useless once the grace window has passed.
    const successorSeal = settings.refreshGraceSeconds > 0 ? await sealData(next, { password: this.deps.sealPasswords, ttl: settings.refreshGraceSeconds + SEAL_TTL_MARGIN_SECONDS }) : null;
    const won = await this.deps.store.claim(row, new Date(now), successorSeal, { tokenHash: sha256Hex(next), createdAt: new Date(now), expiresAt });
    if (!won) {
      // A concurrent request claimed it between our read and our update: we are its retry.
      const claimed = await this.deps.store.findById(row.id);
      return this.spent(claimed ?? { ...row, usedAt: new Date(now) }, family.labId, family.userId, now, settings);
    }
    return { ok: true, userId: family.userId, issued: { token: next, familyId: family.id, expiresAt }, retried: false };
  }

  /** A spent token presented again: the same successor for a retry in the window, else theft. */
  private async spent(spentToken: SpentToken, labId: string, userId: string, now: number, settings: Settings): Promise<RotateResult> {
    const usedAt = spentToken.usedAt ?? new Date(now);
    const { familyId } = spentToken;
    const sinceUse = now - usedAt.getTime();
    // A retry comes after the exchange it retries. A token spent "in the future" (the lab's demo
    // clock moved back since) is no retry: without this bound such a token would stay in its grace
    // window, reuse detection off, until the clock caught up.
    if (sinceUse >= -SPENT_IN_FUTURE_TOLERANCE_MS && sinceUse <= settings.refreshGraceSeconds * 1000) {
      const successor = await this.deps.store.findSuccessor(familyId, spentToken.id);
      const live = successor && !successor.usedAt && !successor.revokedAt && now < successor.expiresAt.getTime();
      if (live) {
        const token = await this.unsealSuccessor(spentToken.successorSeal);
        if (token && sha256Hex(token) === successor.tokenHash) {
          return { ok: true, userId, issued: { token, familyId, expiresAt: successor.expiresAt }, retried: true };
        }
        return { ok: false, code: "REFRESH_TOKEN_RACE", familyId };
      }
      // Inside the window, but its successor is already spent too: not a retry of the latest exchange.
    }
    await this.revokeFamily(familyId, now, "REUSE_DETECTED");
    await this.deps.events.record(labId, { at: new Date(now), kind: "REFRESH_TOKEN_REUSED", userId, familyId, detail: { spentAt: usedAt.toISOString() } });
    return { ok: false, code: "REFRESH_TOKEN_REUSED", familyId };
  }

  private async unsealSuccessor(seal: string | null): Promise<string | null> {
    if (!seal) return null;
    try {
      const token = await unsealData<unknown>(seal, { password: this.deps.sealPasswords, ttl: 0 });
      return typeof token === "string" && REFRESH_TOKEN_PATTERN.test(token) ? token : null;
    } catch {
      // Sealed under a password this server no longer has: no retry, but no harm either.
      return null;
    }
  }

  /** Revokes the family a token belongs to (logout), in this lab only. Unknown tokens are ignored. */
  async revokeByToken(token: string | undefined, labId: string, now: number, reason: RevokeReason): Promise<string | null> {
    if (!token || !REFRESH_TOKEN_PATTERN.test(token)) return null;
    const found = await this.deps.store.findByHash(sha256Hex(token));
    if (!found || found.family.labId !== labId) return null;
    await this.revokeFamily(found.family.id, now, reason);
    return found.family.id;
  }

  async revokeFamily(familyId: string, now: number, reason: RevokeReason): Promise<void> {
    await this.deps.store.revokeFamily(familyId, new Date(now), reason);
  }

  async revokeAllForUser(labId: string, userId: string, now: number, reason: RevokeReason): Promise<number> {
    const ids = await this.deps.store.revokeAllForUser(labId, userId, new Date(now), reason);
    if (ids.length > 0) await this.deps.events.record(labId, { at: new Date(now), kind: "REFRESH_FAMILIES_REVOKED", userId, detail: { reason, families: ids.length } });
    return ids.length;
  }
}
