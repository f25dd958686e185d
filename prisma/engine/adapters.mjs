// Database access for the schema-engine shim: which driver adapter serves a URL, and the one-shot
// `cli` commands (can-connect / create-database) the native engine would answer itself.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { parse as parsePgUrl } from "pg-connection-string";

const isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url);

/** Errors carrying a Prisma error code, which the CLI shows as `P1003: …`. */
const prismaError = (code, message) => Object.assign(new Error(message), { code });

/** `file:./dev.db?x=y` → absolute path, relative to the working directory the CLI gave us. */
function sqlitePath(url) {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/**
 * A pg config object rather than a connection string, so that `{ ...config, database }` really
 * targets another database (with `connectionString` in the config, pg lets the URL's database win;
 * that is how adapter-pg's own shadow database ends up being the main one).
 */
function pgConfig(url) {
  const { schema, ...config } = parsePgUrl(url);
  return { config: { ...config, port: config.port ? Number(config.port) : undefined }, schema };
}

/**
 * @param {string | undefined} url
 * @param {string | undefined} shadowDatabaseUrl
 */
export function createAdapterFactory(url, shadowDatabaseUrl) {
  if (!url) throw prismaError("P1012", "The datasource URL is missing (set it in prisma.config.ts).");
  if (isPostgresUrl(url)) {
    if (shadowDatabaseUrl) throw new Error("shadowDatabaseUrl is not supported by the wasm shim.");
    const { config, schema } = pgConfig(url);
    return {
      provider: "postgres",
      adapterName: "@prisma/adapter-pg",
      connect: () => connectPg(config, schema),
      connectToShadowDb: () => connectToPgShadowDb(config),
    };
  }
  const factory = new PrismaBetterSqlite3(
    { url: `file:${sqlitePath(url)}` },
    shadowDatabaseUrl ? { shadowDatabaseUrl: `file:${sqlitePath(shadowDatabaseUrl)}` } : undefined,
  );
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => (sqliteState.adapter = patchSqliteAdapter(await factory.connect())),
    connectToShadowDb: async () => patchSqliteAdapter(await factory.connectToShadowDb()),
  };
}

export const sqliteState = {
  /** The engine's connection to the main database (it holds an exclusive lock on the file). */
  adapter: /** @type {import("@prisma/driver-adapter-utils").SqlDriverAdapter | undefined} */ (undefined),
  /** Set when the engine read `_prisma_migrations` and the table was not there (see below). */
  migrationsTableMissing: false,
};

/**
 * The native engine resets SQLite by deleting the file; the wasm engine only deletes rows, after
 * which re-applying the migrations fails ("table User already exists"). Drop every object through
 * the engine's own connection, since its exclusive lock keeps any other connection out.
 */
export async function dropSqliteSchema() {
  const adapter = sqliteState.adapter;
  if (!adapter) return;
  const { rows } = await adapter.queryRaw({
    sql: "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'",
    args: [],
    argTypes: [],
  });
  if (rows.length === 0) return;
  const drops = rows.map(([type, name]) => `DROP ${String(type).toUpperCase()} IF EXISTS "${String(name).replaceAll('"', '""')}";`);
  await adapter.executeScript(["PRAGMA foreign_keys = OFF;", ...drops, "PRAGMA foreign_keys = ON;"].join("\n"));
}

/**
 * Two gaps between the wasm SQLite connector and better-sqlite3:
 * - The engine runs whole migration scripts through `executeRaw` (its `raw_cmd`), and
 *   better-sqlite3 prepares one statement at a time; run multi-statement SQL as a script instead.
 * - Reading `_prisma_migrations` before it exists is an error in the wasm build (the native engine
 *   treats it as "migrations not initialised"), which breaks `migrate status` and `migrate dev` on
 *   a fresh database. Answer that one query with "no rows" instead.
 * @param {import("@prisma/driver-adapter-utils").SqlDriverAdapter} adapter
 */
function patchSqliteAdapter(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !/more than one statement/i.test(String(error?.cause?.originalMessage ?? error))) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  adapter.queryRaw = async (query) => {
    try {
      return await queryRaw(query);
    } catch (error) {
      if (error?.cause?.kind !== "TableDoesNotExist" || error.cause.table !== "_prisma_migrations") throw error;
      sqliteState.migrationsTableMissing = true;
      return { columnNames: [], columnTypes: [], rows: [] };
    }
  };
  return adapter;
}

/** PostgreSQL's internal single-byte type `"char"` (pg_class.relkind, pg_constraint.contype, …). */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * One pool per connection, closed by the adapter's dispose().
 * adapter-pg rejects result columns of type `"char"`, which the engine's catalog queries return;
 * relabel them as text (pg already hands their values over as one-character strings).
 * @param {pg.ClientConfig} config
 * @param {string} [schema]
 */
function connectPg(config, schema) {
  const pool = new pg.Pool(config);
  const query = pool.query.bind(pool);
  // adapter-pg only uses the promise form of query().
  pool.query = async (...args) => {
    const result = await query(...args);
    for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  return new PrismaPg(pool, { schema, disposeExternalPool: true }).connect();
}

/**
 * adapter-pg's own shadow database connects to the main database (see pgConfig), and it is
 * dropped while its pool is still connected, so the DROP fails ("being accessed by other users")
 * and the database is left behind. Same idea, done right: own pool, closed before the DROP.
 * @param {pg.ClientConfig} config
 */
async function connectToPgShadowDb(config) {
  const main = await connectPg(config);
  const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
  await main.executeScript(`CREATE DATABASE "${name}"`);
  const shadow = await connectPg({ ...config, database: name });
  const dispose = shadow.dispose.bind(shadow);
  shadow.dispose = async () => {
    await dispose();
    await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
    await main.dispose();
  };
  return shadow;
}

/** @param {string} url */
export async function canConnect(url) {
  if (!isPostgresUrl(url)) {
    const file = sqlitePath(url);
    if (!existsSync(file)) {
      throw prismaError("P1003", `Database \`${path.basename(file)}\` does not exist at \`${file}\``);
    }
    return;
  }
  const { config } = pgConfig(url);
  const client = new pg.Client(config);
  try {
    await client.connect();
  } catch (error) {
    const where = `${config.host}:${config.port ?? 5432}`;
    const { code, message } = /** @type {Error & { code?: string }} */ (error);
    if (code === "3D000") {
      throw prismaError("P1003", `Database \`${config.database}\` does not exist on the database server at \`${where}\`.`);
    }
    if (code === "28P01" || code === "28000") {
      throw prismaError("P1000", `Authentication failed against the database server at \`${where}\`: ${message}`);
    }
    throw prismaError("P1001", `Can't reach database server at \`${where}\`: ${message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** @param {string} url */
export async function createDatabase(url) {
  if (!isPostgresUrl(url)) {
    const file = sqlitePath(url);
    mkdirSync(path.dirname(file), { recursive: true });
    new Database(file).close();
    return;
  }
  const { config } = pgConfig(url);
  const client = new pg.Client({ ...config, database: "postgres" });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${String(config.database).replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
