/** A server-side session as every store keeps it. `id` is the SHA-256 of the token, never the token. */
export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  userAgent: string | null;
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
  get(id: string): Promise<SessionRecord | null>;
  touch(id: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void>;
  delete(id: string): Promise<void>;
  /** Deletes all of a user's sessions but `exceptId`; returns how many went. */
  deleteByUser(userId: string, exceptId?: string): Promise<number>;
  listByUser(userId: string): Promise<SessionRecord[]>;
  /** Every live session, newest first, for the admin's server-state view. */
  listAll(limit: number): Promise<SessionRecord[]>;
  deleteAll(): Promise<void>;
}

export interface DenylistEntryRecord {
  key: string;
  expiresAt: Date;
  notBefore: Date | null;
}

/**
 * The JWT denylist: `jti:<id>` revokes one token, `sub:<userId>` every token of a user issued
 * before `notBefore`. Entries are useless after `expiresAt` (the token would be expired anyway).
 */
export interface DenylistStore {
  readonly kind: StoreKind;
  add(entry: DenylistEntryRecord): Promise<void>;
  /** One round trip: is this token revoked, by its own id or by its subject? */
  check(jti: string, sub: string, issuedAtMs: number, nowMs: number): Promise<"jti" | "sub" | null>;
  list(nowMs: number): Promise<DenylistEntryRecord[]>;
  clear(): Promise<void>;
}
