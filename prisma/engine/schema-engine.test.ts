// End-to-end check of the schema-engine shim: the real Prisma CLI, through prisma.config.ts, with
// PRISMA_SCHEMA_ENGINE_BINARY pointing at prisma/engine/schema-engine.mjs, against a throw-away
// SQLite file and a throw-away PostgreSQL database.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PG_SERVER_URL, postgresGate } from "../../test/services";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SHIM = path.join(ROOT, "prisma/engine/schema-engine.mjs");
const PRISMA_CLI = path.join(path.dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build/index.js");

const PG_SERVER = PG_SERVER_URL;

interface CliResult {
  code: number;
  stdout: string;
  /** stdout and stderr, for assertions and for failure messages. */
  output: string;
}

function prisma(args: string[], databaseUrl: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args],
      {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          // Always the shim, even where a native engine is installed: the shim is what is under test.
          PRISMA_SCHEMA_ENGINE_BINARY: SHIM,
          CHECKPOINT_DISABLE: "1",
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, output: `${stdout}${stderr}` });
      },
    );
  });
}

const modelNames = (schemaFile: string): string[] =>
  [...readFileSync(path.join(ROOT, schemaFile), "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1] ?? "");

/** The checks are the same for both databases; only the URL and the twin differ. */
function migrationChecks(opts: {
  url: () => string;
  schema: string;
  migrations: string;
  tableNames: () => Promise<string[]>;
}): void {
  test("migrate deploy creates every table of the schema", async () => {
    const result = await prisma(["migrate", "deploy"], opts.url());
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("All migrations have been successfully applied.");
    expect(await opts.tableNames()).toEqual(expect.arrayContaining([...modelNames(opts.schema), "_prisma_migrations"]));
  });

  test("migrate status then reports the database up to date", async () => {
    const result = await prisma(["migrate", "status"], opts.url());
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("Database schema is up to date!");
  });

  test("the committed migrations match the schema (no drift)", async () => {
    const args = ["migrate", "diff", "--from-migrations", opts.migrations, "--to-schema", opts.schema, "--exit-code"];
    const result = await prisma(args, opts.url());
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain("No difference detected.");
  });

  test("a real difference is reported, so the drift check above can fail", async () => {
    const args = ["migrate", "diff", "--from-empty", "--to-schema", opts.schema, "--script", "--exit-code"];
    const result = await prisma(args, opts.url());
    expect(result.code, result.output).toBe(2);
    // The script reaches stdout through the shim's `print` request to the CLI.
    expect(result.stdout).toContain('CREATE TABLE "User"');
  });
}

describe("schema-engine shim with SQLite", () => {
  let dir = "";
  const dbFile = () => path.join(dir, "nested", "shimtest.db"); // the parent folder does not exist yet

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "authlab-shimtest-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  migrationChecks({
    url: () => `file:${dbFile()}`,
    schema: "prisma/schema.prisma",
    migrations: "prisma/migrations",
    tableNames: async () => {
      const db = new Database(dbFile(), { readonly: true });
      try {
        const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
        return rows.map((row) => row.name);
      } finally {
        db.close();
      }
    },
  });
});

const postgres = await postgresGate("schema-engine.test");

describe.skipIf(postgres.skip)("schema-engine shim with PostgreSQL", () => {
  const database = `authlab_shimtest_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  const shadowDatabases = async (): Promise<string[]> =>
    (await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'")).rows.map(
      (row) => row.datname,
    );
  let shadowsBefore: string[] = [];

  beforeAll(async () => {
    postgres.require();
    await admin.connect();
    shadowsBefore = await shadowDatabases();
    // The database is created by `migrate deploy` itself (the shim's `cli create-database`).
  });
  afterAll(async () => {
    if (postgres.problem !== null) return;
    // A plain DROP (no FORCE): a connection the shim failed to close makes this fail loudly.
    await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
    await admin.end();
  });

  migrationChecks({
    url: () => `${PG_SERVER}/${database}`,
    schema: "prisma/postgres/schema.prisma",
    migrations: "prisma/postgres/migrations",
    tableNames: async () => {
      const client = new pg.Client({ connectionString: `${PG_SERVER}/${database}` });
      await client.connect();
      try {
        const { rows } = await client.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
        );
        return rows.map((row) => row.table_name);
      } finally {
        await client.end();
      }
    },
  });

  test("every shadow database the CLI asked for was dropped again", async () => {
    const leftovers = (await shadowDatabases()).filter((name) => !shadowsBefore.includes(name));
    expect(leftovers).toEqual([]);
  });
});
