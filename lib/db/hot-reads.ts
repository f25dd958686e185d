// The reads on every session request — the session and its current user, in one query — as
// prepared statements on the database driver itself, beside the Prisma client.
//
// Why: a primary-key lookup costs a few µs in SQLite, but each Prisma query adds ~230 µs of query
// planning and result mapping on this machine (README "Benchmark"); on the hot path that overhead
// is most of what a session costs. Writes, lists and everything else stay on Prisma. These reads
// answer from the same database at the same instant (SQLite WAL readers see every committed write;
// PostgreSQL the same), so a logout or a revocation is seen by the very next request, as before.
import Database from "better-sqlite3";
import pg from "pg";

import type { SessionRecord, SessionWithUser } from "../stores/types";
import type { UserRow } from "../users/users";
import { appEnv } from "../config/env";
import { databaseKind, databaseUrl, SQLITE_BUSY_TIMEOUT_MS, sqliteFilePath, type DatabaseKind } from "./database-url";

export interface HotReads {
  readonly kind: DatabaseKind;
  sessionById(labId: string, id: string): Promise<SessionRecord | null>;
  /** The session and its user in one round trip (a join), as Lucia's validation does. */
  sessionWithUser(labId: string, id: string): Promise<SessionWithUser | null>;
  userById(labId: string, id: string): Promise<UserRow | null>;
  close(): Promise<void>;
}

export interface HotReadsOptions {
  /** PostgreSQL: bound on getting a connection and on each answer (default STORE_TIMEOUT_MS), as for Prisma. */
  timeoutMs?: number;
}

interface SessionColumns {
  id: string;
  labId: string;
  userId: string;
  createdAt: string | number | Date;
  lastSeenAt: string | number | Date;
  idleExpiresAt: string | number | Date;
  absoluteExpiresAt: string | number | Date;
  userAgent: string | null;
}

interface UserColumns {
  id: string;
  labId: string;
  email: string;
  passwordHash: string;
  role: string;
  disabled: number | boolean;
  createdAt: string | number | Date;
}

/** The user's columns in a joined row, prefixed so they cannot collide with the session's. */
interface JoinedUserColumns {
  u_email: string | null;
  u_passwordHash: string | null;
  u_role: string | null;
  u_disabled: number | boolean | null;
  u_createdAt: string | number | Date | null;
}

function toSession(row: SessionColumns): SessionRecord {
  return {
    id: row.id,
    labId: row.labId,
    userId: row.userId,
    createdAt: new Date(row.createdAt),
    lastSeenAt: new Date(row.lastSeenAt),
    idleExpiresAt: new Date(row.idleExpiresAt),
    absoluteExpiresAt: new Date(row.absoluteExpiresAt),
    userAgent: row.userAgent,
  };
}

function toUser(row: UserColumns): UserRow {
  return { id: row.id, labId: row.labId, email: row.email, passwordHash: row.passwordHash, role: row.role, disabled: Boolean(row.disabled), createdAt: new Date(row.createdAt) };
}

function toSessionWithUser(row: SessionColumns & JoinedUserColumns): SessionWithUser {
  const session = toSession(row);
  const user =
    row.u_email === null || row.u_passwordHash === null || row.u_role === null || row.u_createdAt === null
      ? null
      : toUser({ id: row.userId, labId: row.labId, email: row.u_email, passwordHash: row.u_passwordHash, role: row.u_role, disabled: row.u_disabled ?? false, createdAt: row.u_createdAt });
  return { session, user };
}

const SESSION_COLUMNS = `"id", "labId", "userId", "createdAt", "lastSeenAt", "idleExpiresAt", "absoluteExpiresAt", "userAgent"`;
const USER_COLUMNS = `"id", "labId", "email", "passwordHash", "role", "disabled", "createdAt"`;
/** One query for both: the user is the session's own (same lab), LEFT JOIN so a dangling session still shows. */
const SESSION_WITH_USER = `SELECT s."id", s."labId", s."userId", s."createdAt", s."lastSeenAt", s."idleExpiresAt", s."absoluteExpiresAt", s."userAgent",
  u."email" AS "u_email", u."passwordHash" AS "u_passwordHash", u."role" AS "u_role", u."disabled" AS "u_disabled", u."createdAt" AS "u_createdAt"
  FROM "Session" s LEFT JOIN "User" u ON u."id" = s."userId" AND u."labId" = s."labId"`;

/**
 * SQLite: a second connection to the same file (WAL mode, set by the Prisma client's setup), with
 * the two statements prepared once. better-sqlite3 answers synchronously in microseconds.
 */
export function sqliteHotReads(url: string): HotReads {
  // The same busy timeout as the Prisma connection (WAL readers practically never wait).
  const db = new Database(sqliteFilePath(url), { timeout: SQLITE_BUSY_TIMEOUT_MS, fileMustExist: true });
  const session = db.prepare<[string, string], SessionColumns>(`SELECT ${SESSION_COLUMNS} FROM "Session" WHERE "id" = ? AND "labId" = ?`);
  const withUser = db.prepare<[string, string], SessionColumns & JoinedUserColumns>(`${SESSION_WITH_USER} WHERE s."id" = ? AND s."labId" = ?`);
  const user = db.prepare<[string, string], UserColumns>(`SELECT ${USER_COLUMNS} FROM "User" WHERE "id" = ? AND "labId" = ?`);
  return {
    kind: "sqlite",
    async sessionById(labId, id) {
      const row = session.get(id, labId);
      return row ? toSession(row) : null;
    },
    async sessionWithUser(labId, id) {
      const row = withUser.get(id, labId);
      return row ? toSessionWithUser(row) : null;
    },
    async userById(labId, id) {
      const row = user.get(id, labId);
      return row ? toUser(row) : null;
    },
    async close() {
      db.close();
    },
  };
}

/** Prisma's `TIMESTAMP(3)` columns hold UTC without a zone; pg would read them as local time. */
const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;
const utcTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** PostgreSQL: a small pool of its own, named (server-side prepared) statements, bounded waits. */
export function postgresHotReads(url: string, options: HotReadsOptions = {}): HotReads {
  const timeoutMs = options.timeoutMs ?? appEnv().storeTimeoutMs;
  // storeOp bounds the whole read (a 503 past it); these free the pool slot of an abandoned one.
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, keepAlive: true });
  // An idle connection the server dropped must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return {
    kind: "postgres",
    async sessionById(labId, id) {
      const { rows } = await pool.query<SessionColumns>({ name: "authlab-session-by-id", text: `SELECT ${SESSION_COLUMNS} FROM "Session" WHERE "id" = $1 AND "labId" = $2`, values: [id, labId], types: utcTypes });
      return rows[0] ? toSession(rows[0]) : null;
    },
    async sessionWithUser(labId, id) {
      const { rows } = await pool.query<SessionColumns & JoinedUserColumns>({ name: "authlab-session-with-user", text: `${SESSION_WITH_USER} WHERE s."id" = $1 AND s."labId" = $2`, values: [id, labId], types: utcTypes });
      return rows[0] ? toSessionWithUser(rows[0]) : null;
    },
    async userById(labId, id) {
      const { rows } = await pool.query<UserColumns>({ name: "authlab-user-by-id", text: `SELECT ${USER_COLUMNS} FROM "User" WHERE "id" = $1 AND "labId" = $2`, values: [id, labId], types: utcTypes });
      return rows[0] ? toUser(rows[0]) : null;
    },
    async close() {
      await pool.end();
    },
  };
}

export function createHotReads(url: string = databaseUrl(), options: HotReadsOptions = {}): HotReads {
  return databaseKind(url) === "postgres" ? postgresHotReads(url, options) : sqliteHotReads(url);
}

const globalForReads = globalThis as typeof globalThis & { __authlabHotReads?: HotReads };

/** The process-wide hot reads for DATABASE_URL (after the Prisma client has prepared the file). */
export function getHotReads(): HotReads {
  globalForReads.__authlabHotReads ??= createHotReads();
  return globalForReads.__authlabHotReads;
}
