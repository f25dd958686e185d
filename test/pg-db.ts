import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { PG_SERVER_URL, throwAwayDatabaseName } from "./services";

const MIGRATIONS_DIR = fileURLToPath(new URL("../prisma/postgres/migrations", import.meta.url));
const TABLES = ["RefreshToken", "RefreshFamily", "Session", "DenylistEntry", "AuthEvent", "Setting", "User", "Counter"] as const;

export interface PgTestDb {
  db: Db;
  /** The database's URL on the real server (tests may put a TCP proxy in front of it). */
  url: string;
  name: string;
  /** Empties every table (labs but the default one, which the migrations create, included). */
  reset(): Promise<void>;
  /** Disconnects and drops the database. */
  close(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${PG_SERVER_URL}/postgres`, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Store bound for tests that check behaviour, not bounds: generous, so that a loaded machine does
 * not turn a slow answer into a spurious "unavailable". The failure tests set their own.
 */
export const RELAXED_TIMEOUT_MS = 10_000;

/**
 * A throw-away PostgreSQL database with every committed migration applied in order (the SQL
 * `prisma migrate deploy` runs), and a Prisma client on it.
 */
export async function createPgTestDb(options: { timeoutMs?: number } = {}): Promise<PgTestDb> {
  const name = throwAwayDatabaseName("stores_test");
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = `${PG_SERVER_URL}/${name}`;
  const migrate = new pg.Client({ connectionString: url });
  await migrate.connect();
  try {
    const migrations = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const migration of migrations) await migrate.query(readFileSync(path.join(MIGRATIONS_DIR, migration, "migration.sql"), "utf8"));
  } finally {
    await migrate.end();
  }
  const db = createPrismaClient(url, { timeoutMs: options.timeoutMs ?? RELAXED_TIMEOUT_MS });
  return {
    db,
    url,
    name,
    async reset() {
      await db.$executeRawUnsafe(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(", ")} CASCADE`);
      await db.$executeRawUnsafe(`DELETE FROM "Lab" WHERE "id" <> 'default'`);
    },
    async close() {
      await db.$disconnect();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
