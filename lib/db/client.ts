// The app's one Prisma client. SQLite (embedded, the default) or PostgreSQL, chosen by the
// DATABASE_URL scheme — the same rule prisma.config.ts uses to pick the schema and migrations.
//
// No `import "server-only"`: scripts and tests use this module too. It must still never be
// imported from a client component (it would pull in native drivers).
import { mkdirSync } from "node:fs";
import path from "node:path";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";

import { appEnv } from "../config/env";
import { databaseKind, databaseUrl, SQLITE_BUSY_TIMEOUT_MS, sqliteFilePath } from "./database-url";
import { PrismaClient as PgPrismaClient } from "../generated/prisma-pg/client";
import { PrismaClient as SqlitePrismaClient } from "../generated/prisma-sqlite/client";

/**
 * The client type callers program against. prisma/schema.prisma and prisma/postgres/schema.prisma
 * declare identical models (lib/db/schema-twins.test.ts keeps it so), so the SQLite client's type
 * describes both; it is also the narrower API (no Postgres-only filters such as `mode`).
 */
export type Db = SqlitePrismaClient;

export interface PrismaClientOptions {
  /**
   * PostgreSQL only: the driver's bound on getting a connection and on each answer (default
   * STORE_TIMEOUT_MS); past it the query fails and frees its pool slot. Requests are bounded as a
   * whole by storeOp, from STORE_TIMEOUT_MS, for the process's own DATABASE_URL. Bulk jobs (seeding
   * a million rows) and tests on a busy machine may want a longer one here.
   */
  timeoutMs?: number;
}

/** A new, unshared client for `url`. Most code wants {@link getPrisma}. */
export function createPrismaClient(url: string = databaseUrl(), options: PrismaClientOptions = {}): Db {
  if (databaseKind(url) === "postgres") {
    const schema = new URL(url).searchParams.get("schema") ?? undefined;
    const timeoutMs = options.timeoutMs ?? appEnv().storeTimeoutMs;
    // storeOp (lib/stores/store-errors.ts) bounds each operation as a whole, start to answer. These
    // driver bounds sit beneath it so that a connection attempt or a query nobody waits for any more
    // gives its pool slot back instead of holding it while the server stays silent.
    const pool = { connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, keepAlive: true };
    const adapter = new PrismaPg(pool, schema ? { schema } : undefined);
    // Same models, same generated API shape (see `Db`); only the provider differs.
    return new PgPrismaClient({ adapter }) as unknown as Db;
  }

  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // WAL lets readers proceed while a request writes, and it is a property of the database file,
  // so setting it once here (synchronously, before any query) covers the adapter's connection.
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
  // `timeout` becomes the connection's busy_timeout.
  const adapter = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new SqlitePrismaClient({ adapter });
}

// Next's dev server re-evaluates modules on every edit; keeping the client on globalThis stops
// each reload from opening another connection pool.
const globalForPrisma = globalThis as typeof globalThis & { __authlabPrisma?: Db };

/** The process-wide client for DATABASE_URL, created on first use. */
export function getPrisma(): Db {
  const existing = globalForPrisma.__authlabPrisma;
  if (existing) return existing;
  const client = createPrismaClient();
  globalForPrisma.__authlabPrisma = client;
  return client;
}
