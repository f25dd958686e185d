import type { UserRow } from "../users/users";

/**
 * A server-side session as every store keeps it. `id` is the SHA-256 of the token, never the token;
 * `labId` is the lab it belongs to: every store keys by lab, so one lab's session can never be
 * found, listed, touched or deleted from another.
 */
export interface SessionRecord {
  id: string;
  labId: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  userAgent: string | null;
}

/** A session and its user, read together: the SQL store answers both in one query. */
export interface SessionWithUser {
  session: SessionRecord;
  /** null when the user is gone (a dangling session is treated as the user disabled). */
  user: UserRow | null;
}

/** Where a store keeps its data. Sessions can live in any of them; the denylist in the database or Redis. */
export const STORE_KINDS = ["memory", "database", "redis"] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/**
 * Where sessions live. Every implementation passes `session-store.contract.ts`. A backend that
 * cannot be reached throws `StoreUnavailableError` (→ 503), never returns "not found" (→ 401,
 * which would log the user out).
 */
export interface SessionStore {
  readonly kind: StoreKind;
  create(record: SessionRecord): Promise<void>;
  get(labId: string, id: string): Promise<SessionRecord | null>;
  /** The session and its current user in one round trip, where the store can (SQL); absent elsewhere. */
  getWithUser?(labId: string, id: string): Promise<SessionWithUser | null>;
  touch(labId: string, id: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void>;
  delete(labId: string, id: string): Promise<void>;
  /** Deletes all of a user's sessions but `exceptId`; returns how many went. */
  deleteByUser(labId: string, userId: string, exceptId?: string): Promise<number>;
  listByUser(labId: string, userId: string): Promise<SessionRecord[]>;
  /** Every live session of the lab, newest first, for its admin's server-state view. */
  listAll(labId: string, limit: number): Promise<SessionRecord[]>;
  /** Keeps the lab's `keep` newest sessions and deletes the rest (the per-lab cap); returns how many went. */
  trimLab(labId: string, keep: number): Promise<number>;
  /** Every session of the lab (the lab was reset, deleted or expired). */
  deleteLab(labId: string): Promise<void>;
}

export interface DenylistEntryRecord {
  key: string;
  expiresAt: Date;
  notBefore: Date | null;
}

/**
 * The JWT denylist, per lab: `jti:<id>` revokes one token, `sub:<userId>` every token of a user
 * issued before `notBefore`. Entries are useless after `expiresAt` (the token would be expired anyway).
 */
export interface DenylistStore {
  readonly kind: StoreKind;
  add(labId: string, entry: DenylistEntryRecord): Promise<void>;
  /** One round trip: is this token revoked, by its own id or by its subject? */
  check(labId: string, jti: string, sub: string, issuedAtMs: number, nowMs: number): Promise<"jti" | "sub" | null>;
  list(labId: string, nowMs: number): Promise<DenylistEntryRecord[]>;
  clear(labId: string): Promise<void>;
}
