// Which database DATABASE_URL names, without loading any driver: safe to import anywhere.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/authlab.db";

export type DatabaseKind = "sqlite" | "postgres";

/**
 * How long a SQLite write waits for another connection's lock before failing with SQLITE_BUSY.
 * `next start`, `db:migrate` and the test runner may share one file; 5 s rides out a migration or
 * a burst of writes without hanging a request forever.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function databaseKind(url: string = databaseUrl()): DatabaseKind {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/** `file:./data/authlab.db` → absolute path; a relative path is relative to the working directory. */
export function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}
