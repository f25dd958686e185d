// Starting and stopping real AuthLab processes (the production build) for `npm run instances`,
// `npm run bench` and the process tests. Plain Node, no dependencies beyond the app's own.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import pg from "pg";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
/** The app's own server entry (`npm start`): Next's handler plus the client address and the fail-fast check. */
export const SERVER_ENTRY = path.join(ROOT, "scripts/server.mjs");

export const DEFAULT_PG_SERVER = "postgres://postgres@127.0.0.1:5432";
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

export function hasProductionBuild() {
  return existsSync(path.join(ROOT, ".next", "BUILD_ID"));
}

/** Builds once when there is no production build; `build: false` makes a missing build an error. */
export function ensureProductionBuild({ build = true, log = console.log } = {}) {
  if (hasProductionBuild()) return;
  if (!build) throw new Error("No production build in .next: run `npm run build` first (npm test does it before these tests).");
  log("no production build yet; running next build once");
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
}

/** True when something accepts TCP connections at host:port within timeoutMs. */
export function reachable(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: timeoutMs }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.on("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export function urlReachable(url, timeoutMs = 500) {
  const u = new URL(url);
  return reachable(u.hostname, Number(u.port || (u.protocol.startsWith("redis") ? 6379 : 5432)), timeoutMs);
}

/** A TCP port the OS says is free now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Why PostgreSQL at `serverUrl` cannot be used, or null when it can. */
export async function postgresProblem(serverUrl = DEFAULT_PG_SERVER) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.code || String(error) : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates database `name` on the server (dropping it first when `fresh`); returns its URL. */
export async function createPostgresDatabase(serverUrl, name, { fresh = false } = {}) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${JSON.stringify(name)}: use lower-case letters, digits and _`);
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return `${serverUrl}/${name}`;
}

export async function dropPostgresDatabase(serverUrl, name) {
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Deletes every Redis key that starts with `prefix` (which must hold no glob characters). */
export async function deleteRedisKeys(url, prefix) {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      if (keys.length > 0) await client.unlink(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}

/** Applies the committed migrations to env.DATABASE_URL (scripts/db-migrate.mjs). */
export function migrate(env) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/db-migrate.mjs")], { cwd: ROOT, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migration failed for ${env.DATABASE_URL}:\n${r.stdout}${r.stderr}`);
  return r.stdout.trim();
}

/**
 * A fresh data folder `<workDir>/<name>` and the environment of a throw-away production server on
 * SQLite in it (the benchmark's and the profiler's): fixed test secrets, the demo users, no demo clock.
 */
export function throwAwayServerEnv(workDir, name, extraEnv = {}) {
  const dataDir = path.join(workDir, name);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dataDir, "authlab.db")}`,
    AUTHLAB_DATA_DIR: dataDir,
    SESSION_PASSWORD: "bench-session-password-0123456789abcdefghijk",
    JWT_SECRET: "bench-jwt-secret-0123456789abcdefghijklmnopqrstu",
    JWT_KEYS_FILE: path.join(dataDir, "jwt-keys.json"),
    OPERATOR_TOKEN: "bench-operator-token-0123456789abcdefghij",
    SEED_DEMO_USERS: "true",
    DEMO_CLOCK: "off",
    INSTANCE_ID: `bench-${name}`,
    ...extraEnv,
  };
  return { dataDir, env };
}

/**
 * The production build refuses to start without secrets. Local multi-instance runs share one pair,
 * generated once into `file` (mode 0600) so that a restart keeps every credential valid.
 */
export function sharedSecrets(file) {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const random = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  const secrets = { SESSION_PASSWORD: random(), JWT_SECRET: random() };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

/**
 * ES256/EdDSA keys for the production build, which does not generate them itself: one active key
 * in the format lib/auth/asymmetric-keys.ts reads. Every instance reads the same file.
 */
export async function ensureAsymmetricKeyFile(file, alg) {
  if (existsSync(file)) return;
  const { exportJWK, generateKeyPair } = await import("jose");
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === "EdDSA" ? { crv: "Ed25519" } : {}) });
  const kid = `${alg.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}`;
  const key = {
    kid,
    alg,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" },
    createdAt: new Date().toISOString(),
    activatesAt: new Date(0).toISOString(),
    retiredAt: null,
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ keys: [key] }, null, 2)}\n`, { mode: 0o600 });
}

/**
 * Starts the production build through the server entry (`npm start`) on `port` with `env` and waits until /api/ping answers.
 * `host` binds one address (tests use 127.0.0.1); `onOutput(line)` receives the server's log lines;
 * `nodeArgs` go to node itself (`--cpu-prof` when profiling). Returns a handle with `url`, `stop()`, `log()`.
 */
export function startApp({ port, env, host, onOutput, nodeArgs = [], readyTimeoutMs = 60_000 }) {
  return startServerProcess({
    args: [...nodeArgs, SERVER_ENTRY, "--port", String(port), ...(host ? ["--hostname", host] : [])],
    cwd: ROOT,
    port,
    env: { ...env, NODE_ENV: "production", PORT: String(port) },
    onOutput,
    readyTimeoutMs,
  });
}

/**
 * Spawns `node ...args` in `cwd` and waits until GET /api/ping on `port` answers 200 (AuthLab's
 * server entry, or the benchmark's bare Next.js app). Returns a handle with `url`, `pid`, `stop()`, `log()`.
 */
export async function startServerProcess({ args, cwd, port, env, onOutput, readyTimeoutMs = 60_000 }) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk) => {
    const text = chunk.toString();
    output += text;
    if (onOutput) for (const line of text.split("\n").filter(Boolean)) onOutput(line);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let exitedEarly = null;
  void exited.then((r) => (exitedEarly = r));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exitedEarly) throw new Error(`the server on port ${port} exited (${exitedEarly.signal ?? `code ${exitedEarly.code}`}) before it was ready:\n${output}`);
    try {
      const res = await fetch(`${url}/api/ping`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server on port ${port} was not ready within ${readyTimeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    port,
    pid: child.pid,
    /** Resolves when the process exits, for whatever reason. */
    exited,
    log: () => output,
    /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
    async stop(graceMs = 5_000) {
      if (exitedEarly || child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
