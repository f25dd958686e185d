#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
//
// WHY: the Prisma 7 CLI spawns a native schema engine for `migrate *` and `db push`, and downloads
// that binary from binaries.prisma.sh on every command. Offline (or behind a registry-only proxy)
// that fails. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here only when the native binary
// is absent. This script speaks the same protocol the CLI uses with the native binary, and does
// the work with @prisma/schema-engine-wasm (the same engine compiled to WebAssembly) talking to the
// database through Prisma's driver adapters (better-sqlite3 / pg).
//
// Protocol, as spoken by prisma/build/cli.js (SchemaEngineCLI):
//   schema-engine [--datamodels <file>]... [--datasource <json>]        JSON-RPC 2.0, one message per
//                                                                      line on stdin/stdout
//   schema-engine --datasource <json> cli <command>                     one-shot database commands
//   schema-engine --version
// Logs go to stderr as JSON lines; the CLI takes the last ERROR line as the failure reason.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

import { canConnect, createAdapterFactory, createDatabase, dropSqliteSchema, sqliteState } from "./adapters.mjs";

/** @typedef {import("@prisma/schema-engine-wasm").SchemaEngine} SchemaEngine */

const args = parseArgs(process.argv.slice(2));

if (args.version) {
  const { version } = await loadWasm();
  process.stdout.write(`schema-engine-cli ${version()} (wasm shim)\n`);
} else if (args.cliCommand) {
  await runCliCommand(args.cliCommand, args.datasource?.url);
} else {
  await serveJsonRpc();
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ datamodels: string[], datasource?: { url?: string, shadowDatabaseUrl?: string }, cliCommand?: string, version: boolean }} */
  const parsed = { datamodels: [], version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") parsed.version = true;
    else if (arg === "--datamodels") parsed.datamodels.push(argv[++i]);
    else if (arg === "--datasource") parsed.datasource = JSON.parse(argv[++i]);
    else if (arg === "cli") parsed.cliCommand = argv[++i];
    // --enabled-preview-features and --extension-types take a value we do not use.
    else if (arg.startsWith("--")) i++;
  }
  return parsed;
}

/**
 * The package's own entry point imports the .wasm file as an ES module, which Node 20 cannot do
 * without --experimental-wasm-modules; instantiate it by hand as the bundler glue would.
 */
async function loadWasm() {
  // The .wasm file is not in the package's "exports"; it sits next to the JS glue.
  const gluePath = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const wasmPath = gluePath.replace(/\.js$/, ".wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": wasmBindings,
  });
  wasmBindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start(); // wasm-bindgen's start hook (the package entry calls it too)
  return wasmBindings;
}

/**
 * `prisma migrate deploy/dev` and `db push` first ask `cli can-connect-to-database` and, on P1003,
 * `cli create-database`. The CLI ignores the first stderr line and parses every other line as JSON.
 * @param {string} command
 * @param {string | undefined} url
 */
async function runCliCommand(command, url) {
  const log = (level, fields) =>
    process.stderr.write(`${JSON.stringify({ level, fields, target: "schema_engine::logger" })}\n`);
  log("INFO", { message: "Starting schema engine CLI (wasm shim)" });
  try {
    if (!url) throw Object.assign(new Error("No datasource URL was given."), { code: "P1012" });
    if (command === "can-connect-to-database") await canConnect(url);
    else if (command === "create-database") await createDatabase(url);
    else throw new Error(`Unsupported CLI command: ${command}`);
  } catch (error) {
    const { message, code } = /** @type {Error & { code?: string }} */ (error);
    log("ERROR", { message, error_code: code });
    process.exitCode = 1;
  }
}

async function serveJsonRpc() {
  const datamodels = await Promise.all(
    args.datamodels.map(async (file) => [file, await readFile(path.resolve(file), "utf8")]),
  );
  const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const logToStderr = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);

  /** @type {Promise<SchemaEngine> | undefined} */
  let enginePromise;
  /** @type {ReturnType<typeof bindMigrationAwareSqlAdapterFactory> | undefined} */
  let factory;
  const getEngine = () =>
    (enginePromise ??= loadWasm().then(({ SchemaEngine }) => {
      factory = bindMigrationAwareSqlAdapterFactory(
        createAdapterFactory(args.datasource?.url, args.datasource?.shadowDatabaseUrl),
      );
      return SchemaEngine.new({ datamodels: datamodels.length > 0 ? datamodels : undefined }, logToStderr, factory);
    }));

  /**
   * Requests whose wasm counterpart differs from the native RPC method of the same name.
   * @type {Record<string, (engine: SchemaEngine, params: any) => Promise<unknown>>}
   */
  const special = {
    getDatabaseVersion: (engine, params) => engine.version(params),
    // The wasm engine returns the diff in `stdout`; the native engine sends it as a `print`
    // request, which is what the CLI writes to its stdout.
    diff: async (engine, params) => {
      const { stdout, ...result } = await engine.diff(params);
      if (stdout) send({ id: `print-${Date.now()}`, method: "print", params: { content: stdout.replace(/\n$/, "") } });
      return result;
    },
    // See patchSqliteAdapter: a missing `_prisma_migrations` reads as empty; report it as missing.
    diagnoseMigrationHistory: async (engine, params) => {
      sqliteState.migrationsTableMissing = false;
      const result = await engine.diagnoseMigrationHistory(params);
      return sqliteState.migrationsTableMissing ? { ...result, hasMigrationsTable: false } : result;
    },
    reset: async (engine, params) => {
      await engine.reset(params);
      await dropSqliteSchema(); // no-op on PostgreSQL
      return null;
    },
    // The wasm engine only builds the schema of the migration history (in a shadow database from
    // the adapter factory) inside `diagnoseMigrationHistory` with the shadow database opted in,
    // and caches it; these two fail with "shadow DB must be provided" unless that ran first.
    evaluateDataLoss: async (engine, params) => {
      await diagnoseWithShadowDb(engine, params);
      return engine.evaluateDataLoss(params);
    },
    createMigration: async (engine, params) => {
      await diagnoseWithShadowDb(engine, params);
      return engine.createMigration(params);
    },
  };
  const diagnoseWithShadowDb = (engine, { migrationsList, filters }) =>
    engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });

  /** @param {{ id: number | string, method: string, params?: unknown }} request */
  const handle = async ({ id, method, params }) => {
    try {
      const engine = await getEngine();
      let result;
      if (special[method]) result = await special[method](engine, params);
      else if (typeof engine[method] === "function") result = await engine[method](params);
      else throw new Error(`Method not supported by the wasm schema engine: ${method}`);
      send({ id, result: result ?? null });
    } catch (error) {
      send({ id, error: toRpcError(unwrapExternalError(error, factory)) });
    }
  };

  // The CLI sends one request at a time, but keep strict order anyway: the engine is stateful.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (typeof message.method !== "string") return; // the CLI's answer to our `print` request
    queue = queue.then(() => handle(message));
  });
  // Closing the SQLite connection releases the engine's exclusive lock (`locking_mode=EXCLUSIVE`)
  // and removes the -journal file it otherwise leaves beside the database.
  const exit = () => {
    sqliteState.adapter?.dispose().catch(() => undefined); // better-sqlite3 closes synchronously
    process.exit(0);
  };
  // The CLI stops the engine by ending stdin and, except on Windows, killing it right away.
  process.once("SIGTERM", exit);
  lines.on("close", () => queue.finally(exit));
}

/**
 * A JavaScript exception inside an adapter reaches the engine as an id into the adapter's error
 * registry ("External error id#3"); show the original exception instead.
 */
function unwrapExternalError(error, factory) {
  const id = /External error id#(\d+)/.exec(String(error?.message))?.[1];
  const original = id === undefined ? undefined : factory?.errorRegistry.consumeError(Number(id))?.error;
  return original ?? error;
}

/** Shape the CLI expects from the native engine (see SchemaEngineCLI.runCommand). */
function toRpcError(error) {
  const { message, code, meta } = /** @type {Error & { code?: string, meta?: unknown }} */ (
    error instanceof Error ? error : new Error(String(error))
  );
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: error instanceof WebAssembly.RuntimeError, message, error_code: code, meta },
  };
}
