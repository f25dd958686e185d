import "server-only";
import type { RevokeReason } from "../auth/types";
import type { Db } from "../db/client";
import { storeOp } from "./store-errors";

export interface RefreshTokenRow {
  id: string;
  tokenHash: string;
  familyId: string;
  parentId: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  successorSeal: string | null;
}

export interface RefreshFamilyRow {
  id: string;
  labId: string;
  userId: string;
  createdAt: Date;
  absoluteExpiresAt: Date;
  revokedAt: Date | null;
  revokeReason: string | null;
}

export interface NewRefreshToken {
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Refresh-token families and their tokens, in the app's database (SQLite or PostgreSQL). The
 * rotation rules live in lib/auth/refresh-tokens.ts; this is what they need from storage, each
 * operation one storeOp (counted on the trace, bounded, 503 when the database is away).
 * Every implementation passes refresh-store.contract.ts.
 */
export class RefreshStore {
  constructor(private readonly db: Db) {}

  /** A new family with its first token; returns the family id. */
  startFamily(family: { labId: string; userId: string; createdAt: Date; absoluteExpiresAt: Date }, first: NewRefreshToken): Promise<string> {
    return storeOp("database", async () => (await this.db.refreshFamily.create({ data: { ...family, tokens: { create: first } }, select: { id: true } })).id);
  }

  /** The token with this hash and its family, whichever lab it is in (the caller compares labs). */
  findByHash(tokenHash: string): Promise<{ token: RefreshTokenRow; family: RefreshFamilyRow } | null> {
    return storeOp("database", async () => {
      const found = await this.db.refreshToken.findUnique({ where: { tokenHash }, include: { family: true } });
      if (!found) return null;
      const { family, ...token } = found;
      return { token, family };
    });
  }

  findById(id: string): Promise<RefreshTokenRow | null> {
    return storeOp("database", () => this.db.refreshToken.findUnique({ where: { id } }));
  }

  /** The token a spent one was exchanged for (every token has at most one). */
  findSuccessor(familyId: string, parentId: string): Promise<RefreshTokenRow | null> {
    return storeOp("database", () => this.db.refreshToken.findFirst({ where: { familyId, parentId } }));
  }

  /**
   * Spends `tokenId` and creates its successor, atomically: one conditional update (`usedAt IS
   * NULL`), so of any number of concurrent claims exactly one returns true and the family never
   * forks. `successorSeal` is kept on the spent token for a retry inside the grace window; the
   * parent's own seal is cleared (it pointed at the token spent now).
   */
  claim(token: Pick<RefreshTokenRow, "id" | "familyId" | "parentId">, usedAt: Date, successorSeal: string | null, successor: NewRefreshToken): Promise<boolean> {
    return storeOp("database", () =>
      this.db.$transaction(async (tx) => {
        const claimed = await tx.refreshToken.updateMany({ where: { id: token.id, usedAt: null, revokedAt: null }, data: { usedAt, successorSeal } });
        if (claimed.count !== 1) return false;
        await tx.refreshToken.create({ data: { ...successor, familyId: token.familyId, parentId: token.id } });
        if (token.parentId) await tx.refreshToken.updateMany({ where: { id: token.parentId }, data: { successorSeal: null } });
        return true;
      }),
    );
  }

  /** Revokes a family and every token in it; a family revoked before keeps its first reason and time. */
  revokeFamily(familyId: string, at: Date, reason: RevokeReason): Promise<void> {
    return storeOp("database", async () => {
      await this.db.$transaction([
        this.db.refreshFamily.updateMany({ where: { id: familyId, revokedAt: null }, data: { revokedAt: at, revokeReason: reason } }),
        this.db.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: at, successorSeal: null } }),
      ]);
    });
  }

  /** Revokes every live family of a user in a lab; returns their ids. */
  revokeAllForUser(labId: string, userId: string, at: Date, reason: RevokeReason): Promise<string[]> {
    return storeOp("database", () =>
      this.db.$transaction(async (tx) => {
        const ids = (await tx.refreshFamily.findMany({ where: { labId, userId, revokedAt: null }, select: { id: true } })).map((f) => f.id);
        if (ids.length === 0) return ids;
        await tx.refreshFamily.updateMany({ where: { id: { in: ids }, revokedAt: null }, data: { revokedAt: at, revokeReason: reason } });
        await tx.refreshToken.updateMany({ where: { familyId: { in: ids }, revokedAt: null }, data: { revokedAt: at, successorSeal: null } });
        return ids;
      }),
    );
  }

  /** The lab's newest families with their tokens (oldest token first), optionally only some users'. */
  listFamilies(labId: string, userIds: string[] | null, limit: number): Promise<(RefreshFamilyRow & { tokens: RefreshTokenRow[] })[]> {
    return storeOp("database", () =>
      this.db.refreshFamily.findMany({
        where: userIds ? { labId, userId: { in: userIds } } : { labId },
        orderBy: { createdAt: "desc" },
        take: limit,
        include: { tokens: { orderBy: { createdAt: "asc" } } },
      }),
    );
  }

  /** Keeps the lab's `keep` newest families and deletes the rest (the per-lab cap); returns how many went. */
  trimLab(labId: string, keep: number): Promise<number> {
    return storeOp("database", async () => {
      const stale = await this.db.refreshFamily.findMany({ where: { labId }, orderBy: { createdAt: "desc" }, skip: keep, select: { id: true } });
      if (stale.length === 0) return 0;
      return (await this.db.refreshFamily.deleteMany({ where: { labId, id: { in: stale.map((f) => f.id) } } })).count;
    });
  }
}
