#!/usr/bin/env node
// npm run instances -- --count 2
//
// Runs several instances of the production build on consecutive ports against one PostgreSQL
// database (and Redis when the session store is Redis), with shared secrets and keys and distinct
// INSTANCE_IDs, each knowing the others as PEER_URLS, plus the second service (the JWKS verifier).
// Prints the URLs; Ctrl-C stops everything. See README "Several instances".
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  DEFAULT_PG_SERVER,
  DEFAULT_REDIS_URL,
  ROOT,
  createPostgresDatabase,
  ensureAsymmetricKeyFile,
  ensureProductionBuild,
  migrate,
  postgresProblem,
  sharedSecrets,
  startApp,
  urlReachable,
} from "./lib/app-process.mjs";

const USAGE = `usage: npm run instances -- [options]

  --count N          instances to start (default 2, at most 8)
  --port P           port of the first instance; the others follow (default 3001)
  --store KIND       session store: database | memory | redis (default database);
                     redis also holds the denylist and rate limits (REDIS_URL, default below)
  --db KIND          postgres (default) or sqlite (one shared file; one host only)
  --pg-database NAME PostgreSQL database to create and migrate (default authlab_instances)
  --fresh            drop the database and the generated secrets first
  --alg ALG          HS256 (default), ES256 or EdDSA
  --denylist         start with the JWT denylist on
  --verifier-port P  port of the second service (default 4100)
  --no-verifier      do not start the second service

Environment: PG_URL (server, default ${DEFAULT_PG_SERVER}), REDIS_URL (default ${DEFAULT_REDIS_URL}),
SESSION_PASSWORD / JWT_SECRET (else generated once into data/instances/secrets.json),
DEMO_CLOCK (default on here), SEED_DEMO_USERS (default true here).`;

function options() {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "2" },
      port: { type: "string", default: "3001" },
      store: { type: "string", default: process.env.SESSION_STORE ?? "database" },
      db: { type: "string", default: "postgres" },
      "pg-database": { type: "string", default: "authlab_instances" },
      fresh: { type: "boolean", default: false },
      alg: { type: "string", default: process.env.JWT_ALG ?? "HS256" },
      denylist: { type: "boolean", default: false },
      "verifier-port": { type: "string", default: "4100" },
      "no-verifier": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const count = Number(values.count);
  const port = Number(values.port);
  const verifierPort = Number(values["verifier-port"]);
  const fail = (message) => {
    console.error(`instances: ${message}\n\n${USAGE}`);
    process.exit(2);
  };
  if (!Number.isInteger(count) || count < 1 || count > 8) fail("--count must be 1 to 8");
  if (!Number.isInteger(port) || port < 1024 || port + count > 65_535) fail("--port must be a port number from 1024");
  if (!Number.isInteger(verifierPort) || verifierPort < 1024 || verifierPort > 65_535) fail("--verifier-port must be a port number from 1024");
  if (!["database", "memory", "redis"].includes(values.store)) fail("--store must be database, memory or redis");
  if (!["postgres", "sqlite"].includes(values.db)) fail("--db must be postgres or sqlite");
  if (!["HS256", "ES256", "EdDSA"].includes(values.alg)) fail("--alg must be HS256, ES256 or EdDSA");
  return { ...values, count, port, verifierPort };
}

const NAMES = "abcdefgh";

async function main() {
  const opts = options();
  const dataDir = path.join(ROOT, "data", "instances");
  if (opts.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  ensureProductionBuild({ log: (line) => console.log(`instances: ${line}`) });

  let databaseUrl;
  if (opts.db === "postgres") {
    const server = process.env.PG_URL ?? DEFAULT_PG_SERVER;
    const problem = await postgresProblem(server);
    if (problem) {
      console.error(`instances: PostgreSQL at ${server} is not reachable (${problem}).\nStart it, set PG_URL, or use --db sqlite for a shared SQLite file on this host.`);
      process.exit(1);
    }
    databaseUrl = await createPostgresDatabase(server, opts["pg-database"], { fresh: opts.fresh });
  } else {
    databaseUrl = `file:${path.join(dataDir, "authlab.db")}`;
  }

  const redisUrl = process.env.REDIS_URL ?? (opts.store === "redis" ? DEFAULT_REDIS_URL : undefined);
  if (redisUrl && !(await urlReachable(redisUrl))) {
    console.error(`instances: Redis at ${redisUrl} is not reachable; start it (see README) or choose another --store.`);
    process.exit(1);
  }

  const secrets = {
    ...sharedSecrets(path.join(dataDir, "secrets.json")),
    ...(process.env.SESSION_PASSWORD ? { SESSION_PASSWORD: process.env.SESSION_PASSWORD } : {}),
    ...(process.env.JWT_SECRET ? { JWT_SECRET: process.env.JWT_SECRET } : {}),
  };
  const keysFile = path.join(dataDir, `jwt-keys-${opts.alg.toLowerCase()}.json`);
  if (opts.alg !== "HS256") await ensureAsymmetricKeyFile(keysFile, opts.alg);

  const ports = Array.from({ length: opts.count }, (_, i) => opts.port + i);
  const urls = ports.map((p) => `http://localhost:${p}`);
  const verifierUrl = `http://127.0.0.1:${opts.verifierPort}`;
  const baseEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTHLAB_DATA_DIR: dataDir,
    ...secrets,
    JWT_ALG: opts.alg,
    JWT_KEYS_FILE: keysFile,
    SESSION_STORE: opts.store,
    // With Redis chosen, everything that can live there does: sessions, the denylist, rate limits.
    ...(opts.store === "redis" ? { DENYLIST_STORE: "redis", RATE_LIMIT_STORE: "redis" } : {}),
    DEMO_CLOCK: process.env.DEMO_CLOCK ?? "on",
    SEED_DEMO_USERS: process.env.SEED_DEMO_USERS ?? "true",
    ...(opts.denylist ? { JWT_DENYLIST: "true" } : {}),
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    ...(opts["no-verifier"] ? {} : { VERIFIER_URL: verifierUrl }),
  };

  console.log(`instances: ${migrate(baseEnv)}`);

  const running = [];
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log("\ninstances: stopping…");
    await Promise.all(running.map((r) => r.stop()));
    process.exit(code);
  };
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));

  const start = async (i) => {
    const id = `inst-${NAMES[i]}`;
    const env = { ...baseEnv, INSTANCE_ID: id, PEER_URLS: urls.filter((_, j) => j !== i).join(",") };
    const app = await startApp({ port: ports[i], env, onOutput: (line) => console.log(`[${id}] ${line}`) });
    void app.exited.then(({ code, signal }) => {
      if (!stopping) console.log(`instances: ${id} exited (${signal ?? `code ${code}`}); the others keep running. Ctrl-C stops them.`);
    });
    running.push({ name: id, url: urls[i], stop: () => app.stop() });
  };
  try {
    // The first instance seeds the demo users; the others start once it is up.
    await start(0);
    await Promise.all(ports.slice(1).map((_, i) => start(i + 1)));
  } catch (error) {
    console.error(`instances: ${error instanceof Error ? error.message : error}`);
    await stopAll(1);
  }

  if (!opts["no-verifier"]) {
    const verifier = spawn(process.execPath, [path.join(ROOT, "scripts/verifier-service.mjs")], {
      cwd: ROOT,
      env: { ...process.env, VERIFIER_PORT: String(opts.verifierPort), JWKS_URL: `http://127.0.0.1:${ports[0]}/.well-known/jwks.json` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const prefix = (chunk) => chunk.toString().split("\n").filter(Boolean).forEach((line) => console.log(`[verifier] ${line}`));
    verifier.stdout.on("data", prefix);
    verifier.stderr.on("data", prefix);
    const exited = new Promise((resolve) => verifier.once("exit", resolve));
    running.push({
      name: "verifier",
      url: verifierUrl,
      stop: async () => {
        if (verifier.exitCode !== null) return;
        verifier.kill("SIGTERM");
        await exited;
      },
    });
  }

  const shownDb = databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
  console.log(
    [
      "",
      `AuthLab: ${opts.count} instance(s) of the production build, one database (${shownDb}), sessions in the ${opts.store} store, JWT ${opts.alg}.`,
      ...running.map((r) => `  ${r.name.padEnd(9)} ${r.url}`),
      "",
      "Each instance lists the others in PEER_URLS (the lab's \"send my credential to another instance\").",
      "Cookies do not depend on the port: a browser that logs in on one of these URLs sends that cookie to all of them.",
      "Ctrl-C stops them all.",
    ].join("\n"),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
