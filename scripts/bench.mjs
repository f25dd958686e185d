#!/usr/bin/env node
// npm run bench — measures what authentication costs per request, on this machine, in one run.
//
// Starts the production build (building it only when missing) once per configuration, logs in to
// get real credentials, and drives GET /api/me (protected) and GET /api/ping (unauthenticated) with
// autocannon. Prints req/s, p50/p99, the ratio to the unauthenticated route of the same server, and
// the per-step µs the server reports in Server-Timing; then the cost of a session lookup with 1k,
// 100k and 1M live sessions. Writes bench/results.json and bench/RESULTS.md.
//
//   BENCH_SECONDS=10 (per case)  BENCH_CONNECTIONS=10  PG_URL=postgres://postgres@127.0.0.1:5432/postgres  REDIS_URL=redis://127.0.0.1:6379
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PG_ADMIN_URL = process.env.PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const workDir = path.join(root, "tmp", "bench");
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const ALICE = { email: "alice@example.com", password: "wonderland-demo" };

const TARGETS = {
  "session-sqlite": 0.9,
  "session-redis": 0.85,
  "jwt-hs256": 0.97,
  "jwt-es256": 0.97,
  "jwt-eddsa": 0.97,
  "jwt-denylist-redis": 0.85,
};

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 500 }, () => {
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

function ensureBuild() {
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("bench: no production build yet; running next build once");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function startServer(name, extraEnv) {
  const dataDir = path.join(workDir, name);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    DATABASE_URL: `file:${path.join(dataDir, "authlab.db")}`,
    AUTHLAB_DATA_DIR: dataDir,
    SESSION_PASSWORD: "bench-session-password-0123456789abcdefghijk",
    JWT_SECRET: "bench-jwt-secret-0123456789abcdefghijklmnopqrstu",
    JWT_KEYS_FILE: path.join(dataDir, "jwt-keys.json"),
    SEED_DEMO_USERS: "true",
    DEMO_CLOCK: "off",
    INSTANCE_ID: `bench-${name}`,
    ...extraEnv,
  };
  const migrate = spawnSync(process.execPath, [path.join(root, "scripts/db-migrate.mjs")], { cwd: root, env, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`migration failed for ${name}: ${migrate.stdout}${migrate.stderr}`);
  if (env.JWT_ALG && env.JWT_ALG !== "HS256") {
    // Outside production the app would create the key itself; the bench runs the production build.
    const { generateKeyPair, exportJWK } = await import("jose");
    const alg = env.JWT_ALG;
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === "EdDSA" ? { crv: "Ed25519" } : {}) });
    const kid = `${alg.toLowerCase()}-bench`;
    const key = { kid, alg, privateJwk: { ...(await exportJWK(privateKey)), kid, alg }, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" }, createdAt: new Date().toISOString(), activatesAt: new Date(0).toISOString(), retiredAt: null };
    writeFileSync(env.JWT_KEYS_FILE, JSON.stringify({ keys: [key] }));
  }
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT)], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/api/ping`)).ok) return { base, child, dataDir, env };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`server ${name} did not start:\n${log}`);
}

async function stopServer(server) {
  await new Promise((resolve) => {
    server.child.once("exit", resolve);
    server.child.kill("SIGTERM");
  });
}

async function login(base, mode) {
  const url = mode === "jwt" ? `${base}/api/auth/jwt/login?cookies=none` : `${base}/api/auth/session/login`;
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ALICE) });
  if (!res.ok) throw new Error(`login ${mode} failed: ${res.status} ${await res.text()}`);
  if (mode === "jwt") return { authorization: `Bearer ${(await res.json()).accessToken}` };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-session="));
  return { cookie: cookie.split(";")[0] };
}

/** Median per-step µs from Server-Timing over a few sequential requests. */
async function serverTiming(url, headers, samples = 50) {
  const perStep = new Map();
  for (let i = 0; i < samples; i++) {
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    for (const part of (res.headers.get("server-timing") ?? "").split(",")) {
      const m = /^\s*\d+-([\w-]+);dur=([\d.]+)/.exec(part);
      if (m) perStep.set(m[1], [...(perStep.get(m[1]) ?? []), Number(m[2]) * 1000]);
    }
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return Object.fromEntries([...perStep].map(([k, v]) => [k, Math.round(median(v))]));
}

function run(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS, pipelining: 1 }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function measure(name, base, route, headers) {
  const url = `${base}${route}`;
  const probe = await fetch(url, { headers });
  if (probe.status !== 200) throw new Error(`${name}: ${route} answered ${probe.status} ${await probe.text()}`);
  // A short warm-up (JIT, connection pools) that is not counted.
  await new Promise((resolve, reject) => autocannon({ url, headers, connections: CONNECTIONS, duration: 2 }, (err) => (err ? reject(err) : resolve())));
  const result = await run(url, headers);
  const steps = route === "/api/ping" ? {} : await serverTiming(url, headers);
  return { name, reqPerSec: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors + result.non2xx, steps };
}

async function withPostgresDatabase(fn) {
  const name = `authlab_bench_${Math.random().toString(16).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    return await fn(url.href);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function sessionGrowth() {
  const server = await startServer("growth", {});
  const out = [];
  try {
    const headers = await login(server.base, "session");
    const db = new Database(path.join(server.dataDir, "authlab.db"), { timeout: 10_000 });
    const sample = db.prepare("SELECT * FROM Session LIMIT 1").get();
    const insert = db.prepare('INSERT INTO Session (id, userId, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, userAgent) VALUES (?, ?, ?, ?, ?, ?, ?)');
    let live = 1;
    for (const target of [1_000, 100_000, 1_000_000]) {
      const fill = db.transaction((count) => {
        for (let i = 0; i < count; i++) {
          const id = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("hex");
          insert.run(id, sample.userId, sample.createdAt, sample.lastSeenAt, sample.idleExpiresAt, sample.absoluteExpiresAt, "bench");
        }
      });
      fill(target - live);
      live = target;
      const steps = await serverTiming(`${server.base}/api/me?mode=session`, headers, 200);
      out.push({ liveSessions: target, sessionLookupUs: steps["session-lookup"], userLookupUs: steps["user-lookup"] });
      console.log(`bench: ${target.toLocaleString("en")} live sessions → session lookup ${steps["session-lookup"]} µs (median of 200)`);
    }
    db.close();
  } finally {
    await stopServer(server);
  }
  return out;
}

async function main() {
  ensureBuild();
  mkdirSync(workDir, { recursive: true });
  const hasPg = await reachable("127.0.0.1", Number(new URL(PG_ADMIN_URL).port || 5432));
  const hasRedis = await reachable(new URL(REDIS_URL).hostname, Number(new URL(REDIS_URL).port || 6379));
  const cases = [];
  const skipped = [];

  async function config(name, env, plan) {
    const server = await startServer(name, env);
    try {
      const baseline = await measure("unauthenticated", server.base, "/api/ping", {});
      if (cases.length === 0) cases.push({ ...baseline, ratio: 1 });
      for (const [caseName, mode] of plan) {
        const headers = await login(server.base, mode);
        const m = await measure(caseName, server.base, `/api/me?mode=${mode}`, headers);
        const ratio = Math.round((m.reqPerSec / baseline.reqPerSec) * 100) / 100;
        cases.push({ ...m, ratio, baselineReqPerSec: baseline.reqPerSec });
        console.log(`bench: ${caseName.padEnd(20)} ${String(m.reqPerSec).padStart(6)} req/s  p50 ${m.p50Ms} ms  p99 ${m.p99Ms} ms  ratio ${ratio}  ${JSON.stringify(m.steps)}`);
      }
    } finally {
      await stopServer(server);
    }
  }

  await config("sqlite", {}, [["session-sqlite", "session"], ["jwt-hs256", "jwt"]]);
  if (hasPg) await withPostgresDatabase((url) => config("postgres", { DATABASE_URL: url, SEED_DEMO_USERS: "true" }, [["session-postgres", "session"]]));
  else skipped.push("session-postgres (PostgreSQL not reachable)");
  if (hasRedis) {
    await config("redis", { REDIS_URL, SESSION_STORE: "redis" }, [["session-redis", "session"]]);
    await config("redis-denylist", { REDIS_URL, DENYLIST_STORE: "redis", JWT_DENYLIST: "true" }, [["jwt-denylist-redis", "jwt"]]);
  } else skipped.push("session-redis, jwt-denylist-redis (Redis not reachable)");
  await config("es256", { JWT_ALG: "ES256" }, [["jwt-es256", "jwt"]]);
  await config("eddsa", { JWT_ALG: "EdDSA" }, [["jwt-eddsa", "jwt"]]);

  const growth = await sessionGrowth();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
  const results = { date: new Date().toISOString(), machine, seconds: SECONDS, connections: CONNECTIONS, cases: cases.map(({ name, reqPerSec, ratio, p50Ms, p99Ms, steps, errors }) => ({ name, reqPerSec, ratio, p50Ms, p99Ms, steps, errors })), sessionGrowth: growth, skipped };
  mkdirSync(path.join(root, "bench"), { recursive: true });
  writeFileSync(path.join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);

  const lines = [
    "# AuthLab benchmark",
    "",
    `Run ${results.date} on ${machine}; ${SECONDS} s per case, ${CONNECTIONS} connections (autocannon), production build, one instance.`,
    "Ratio = req/s of the protected route ÷ req/s of the unauthenticated route on the same server.",
    "",
    "| case | req/s | ratio | target | p50 ms | p99 ms | server steps (median µs) |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ...results.cases.map((c) => {
      const target = TARGETS[c.name];
      const verdict = target === undefined ? "—" : `≥ ${target} ${c.ratio >= target ? "✓" : "✗"}`;
      return `| ${c.name} | ${c.reqPerSec} | ${c.ratio} | ${verdict} | ${c.p50Ms} | ${c.p99Ms} | ${Object.entries(c.steps).map(([k, v]) => `${k} ${v}`).join(", ") || "—"} |`;
    }),
    "",
    "## Session lookup cost as the store grows (SQLite, median of 200 requests)",
    "",
    "| live sessions | session lookup µs | user lookup µs |",
    "| ---: | ---: | ---: |",
    ...growth.map((g) => `| ${g.liveSessions.toLocaleString("en")} | ${g.sessionLookupUs} | ${g.userLookupUs} |`),
    "",
    ...(skipped.length ? [`Not measured: ${skipped.join("; ")}.`, ""] : []),
  ];
  writeFileSync(path.join(root, "bench/RESULTS.md"), `${lines.join("\n")}\n`);
  console.log(`\n${lines.join("\n")}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
