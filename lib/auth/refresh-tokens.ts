import "server-only";
import { randomToken, sha256Hex } from "../crypto";
import type { ErrorCode } from "../errors";
import type { Db } from "../db/client";
import type { Settings } from "../settings/schema";
import { storeOp } from "../stores/store-errors";
import type { RevokeReason } from "./types";

/** 32 random bytes: 256 bits. */
const REFRESH_TOKEN_BYTES = 32;
const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedRefreshToken {
  token: string;
  familyId: string;
  expiresAt: Date;
}

export type RotateResult =
  | { ok: true; userId: string; issued: IssuedRefreshToken }
  | { ok: false; code: ErrorCode; familyId?: string };

/**
 * Refresh-token families with rotation and reuse detection (RFC 9700 §4.14.2).
 *
 * Semantics:
 * - Every refresh token is single use. Rotating claims the presented token with one conditional
 *   update (`usedAt IS NULL`), so of any number of concurrent refreshes exactly one wins and
 *   creates the one successor: the family never forks.
 * - A spent token presented again within `refreshGraceSeconds` of its use is a concurrent retry
 *   (two tabs, a double click): 409 `REFRESH_TOKEN_RACE`, nothing changes, and the caller keeps the
 *   winner's cookies.
 * - A spent token presented after the grace window is theft: the whole family (every descendant)
 *   is revoked, the event recorded, and 401 `REFRESH_TOKEN_REUSED`.
 * - A family dies at its absolute lifetime; each token at its idle lifetime.
 */
export class RefreshTokenService {
  constructor(private readonly db: Db) {}

  async startFamily(userId: string, now: number, settings: Settings): Promise<IssuedRefreshToken> {
    const token = randomToken(REFRESH_TOKEN_BYTES);
    const absoluteExpiresAt = new Date(now + settings.refreshTtlSeconds * 1000);
    const expiresAt = new Date(Math.min(now + settings.refreshIdleSeconds * 1000, absoluteExpiresAt.getTime()));
    const family = await storeOp("database", () =>
      this.db.refreshFamily.create({
        data: {
          userId,
          createdAt: new Date(now),
          absoluteExpiresAt,
          tokens: { create: { tokenHash: sha256Hex(token), createdAt: new Date(now), expiresAt } },
        },
      }),
    );
    return { token, familyId: family.id, expiresAt };
  }

  async rotate(token: string | undefined, now: number, settings: Settings): Promise<RotateResult> {
    if (!token) return { ok: false, code: "REFRESH_TOKEN_MISSING" };
    if (!REFRESH_TOKEN_PATTERN.test(token)) return { ok: false, code: "REFRESH_TOKEN_INVALID" };
    const tokenHash = sha256Hex(token);
    const found = await storeOp("database", () => this.db.refreshToken.findUnique({ where: { tokenHash }, include: { family: true } }));
    if (!found) return { ok: false, code: "REFRESH_TOKEN_INVALID" };
    const { family } = found;
    if (family.revokedAt) return { ok: false, code: "REFRESH_TOKEN_REVOKED", familyId: family.id };
    if (now >= family.absoluteExpiresAt.getTime() || now >= found.expiresAt.getTime()) {
      return { ok: false, code: "REFRESH_TOKEN_EXPIRED", familyId: family.id };
    }
    if (found.usedAt) return this.spent(found.usedAt, family.id, family.userId, now, settings);

    const next = randomToken(REFRESH_TOKEN_BYTES);
    const expiresAt = new Date(Math.min(now + settings.refreshIdleSeconds * 1000, family.absoluteExpiresAt.getTime()));
    const won = await storeOp("database", () =>
      this.db.$transaction(async (tx) => {
        const claimed = await tx.refreshToken.updateMany({ where: { id: found.id, usedAt: null, revokedAt: null }, data: { usedAt: new Date(now) } });
        if (claimed.count !== 1) return false;
        await tx.refreshToken.create({
          data: { tokenHash: sha256Hex(next), familyId: family.id, parentId: found.id, createdAt: new Date(now), expiresAt },
        });
        return true;
      }),
    );
    if (!won) {
      // A concurrent request claimed it between our read and our update.
      const usedAt = (await storeOp("database", () => this.db.refreshToken.findUnique({ where: { id: found.id } })))?.usedAt ?? new Date(now);
      return this.spent(usedAt, family.id, family.userId, now, settings);
    }
    return { ok: true, userId: family.userId, issued: { token: next, familyId: family.id, expiresAt } };
  }

  private async spent(usedAt: Date, familyId: string, userId: string, now: number, settings: Settings): Promise<RotateResult> {
    if (now - usedAt.getTime() <= settings.refreshGraceSeconds * 1000) {
      return { ok: false, code: "REFRESH_TOKEN_RACE", familyId };
    }
    await this.revokeFamily(familyId, now, "REUSE_DETECTED");
    await this.recordEvent(now, "REFRESH_TOKEN_REUSED", userId, familyId, { spentAt: usedAt.toISOString() });
    return { ok: false, code: "REFRESH_TOKEN_REUSED", familyId };
  }

  /** Revokes the family a token belongs to (logout). Unknown tokens are ignored. */
  async revokeByToken(token: string | undefined, now: number, reason: RevokeReason): Promise<string | null> {
    if (!token || !REFRESH_TOKEN_PATTERN.test(token)) return null;
    const found = await storeOp("database", () => this.db.refreshToken.findUnique({ where: { tokenHash: sha256Hex(token) } }));
    if (!found) return null;
    await this.revokeFamily(found.familyId, now, reason);
    return found.familyId;
  }

  async revokeFamily(familyId: string, now: number, reason: RevokeReason): Promise<void> {
    const at = new Date(now);
    await storeOp("database", () =>
      this.db.$transaction([
        this.db.refreshFamily.updateMany({ where: { id: familyId, revokedAt: null }, data: { revokedAt: at, revokeReason: reason } }),
        this.db.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: at } }),
      ]),
    );
  }

  async revokeAllForUser(userId: string, now: number, reason: RevokeReason): Promise<number> {
    const at = new Date(now);
    const families = await storeOp("database", () =>
      this.db.refreshFamily.findMany({ where: { userId, revokedAt: null }, select: { id: true } }),
    );
    if (families.length === 0) return 0;
    const ids = families.map((f) => f.id);
    await storeOp("database", () =>
      this.db.$transaction([
        this.db.refreshFamily.updateMany({ where: { id: { in: ids }, revokedAt: null }, data: { revokedAt: at, revokeReason: reason } }),
        this.db.refreshToken.updateMany({ where: { familyId: { in: ids }, revokedAt: null }, data: { revokedAt: at } }),
      ]),
    );
    await this.recordEvent(now, "REFRESH_FAMILIES_REVOKED", userId, null, { reason, families: ids.length });
    return ids.length;
  }

  async recordEvent(now: number, kind: string, userId: string | null, familyId: string | null, detail: Record<string, unknown>): Promise<void> {
    await storeOp("database", () =>
      this.db.authEvent.create({ data: { at: new Date(now), kind, userId, familyId, detail: JSON.stringify(detail) } }),
    );
  }
}
