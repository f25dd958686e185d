// The two reads on every session request — the session by id, the user by id — as prepared
// statements on the database driver itself, beside the Prisma client.
//
// Why: a primary-key lookup costs a few µs in SQLite, but each Prisma query adds ~230 µs of query
// planning and result mapping on this machine (README "Benchmark"); on the hot path that overhead
// is most of what a session costs. Writes, lists and everything else stay on Prisma. These reads
// answer from the same database at the same instant (SQLite WAL readers see every committed write;
// PostgreSQL the same), so a logout or a revocation is seen by the very next request, as before.
import Database from "better-sqlite3";
import pg from "pg";

import type { SessionRecord } from "../stores/types";
import type { UserRow } from "../users/users";
import { appEnv } from "../config/env";
import { databaseKind, databaseUrl, SQLITE_BUSY_TIMEOUT_MS, sqliteFilePath, type DatabaseKind } from "./client";

export interface HotReads {
  readonly kind: DatabaseKind;
  sessionById(id: string): Promise<SessionRecord | null>;
  userById(id: string): Promise<UserRow | null>;
  close(): Promise<void>;
}

export interface HotReadsOptions {
  /** PostgreSQL: bound on getting a connection and on each answer (default STORE_TIMEOUT_MS), as for Prisma. */
  timeoutMs?: number;
}

interface SessionColumns {
  id: string;
  userId: string;
  createdAt: string | number | Date;
  lastSeenAt: string | number | Date;
  idleExpiresAt: string | number | Date;
  absoluteExpiresAt: string | number | Date;
  userAgent: string | null;
}

interface UserColumns {
  id: string;
  email: string;
  passwordHash: string;
  role: string;
  disabled: number | boolean;
  createdAt: string | number | Date;
}

function toSession(row: SessionColumns): SessionRecord {
  return {
    id: row.id,
    userId: row.userId,
    createdAt: new Date(row.createdAt),
    lastSeenAt: new Date(row.lastSeenAt),
    idleExpiresAt: new Date(row.idleExpiresAt),
    absoluteExpiresAt: new Date(row.absoluteExpiresAt),
    userAgent: row.userAgent,
  };
}

function toUser(row: UserColumns): UserRow {
  return { id: row.id, email: row.email, passwordHash: row.passwordHash, role: row.role, disabled: Boolean(row.disabled), createdAt: new Date(row.createdAt) };
}

const SESSION_COLUMNS = `"id", "userId", "createdAt", "lastSeenAt", "idleExpiresAt", "absoluteExpiresAt", "userAgent"`;
const USER_COLUMNS = `"id", "email", "passwordHash", "role", "disabled", "createdAt"`;

/**
 * SQLite: a second connection to the same file (WAL mode, set by the Prisma client's setup), with
 * the two statements prepared once. better-sqlite3 answers synchronously in microseconds.
 */
export function sqliteHotReads(url: string): HotReads {
  // The same busy timeout as the Prisma connection (WAL readers practically never wait).
  const db = new Database(sqliteFilePath(url), { timeout: SQLITE_BUSY_TIMEOUT_MS, fileMustExist: true });
  const session = db.prepare<[string], SessionColumns>(`SELECT ${SESSION_COLUMNS} FROM "Session" WHERE "id" = ?`);
  const user = db.prepare<[string], UserColumns>(`SELECT ${USER_COLUMNS} FROM "User" WHERE "id" = ?`);
  return {
    kind: "sqlite",
    async sessionById(id) {
      const row = session.get(id);
      return row ? toSession(row) : null;
    },
    async userById(id) {
      const row = user.get(id);
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
    async sessionById(id) {
      const { rows } = await pool.query<SessionColumns>({ name: "authlab-session-by-id", text: `SELECT ${SESSION_COLUMNS} FROM "Session" WHERE "id" = $1`, values: [id], types: utcTypes });
      return rows[0] ? toSession(rows[0]) : null;
    },
    async userById(id) {
      const { rows } = await pool.query<UserColumns>({ name: "authlab-user-by-id", text: `SELECT ${USER_COLUMNS} FROM "User" WHERE "id" = $1`, values: [id], types: utcTypes });
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
