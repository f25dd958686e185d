#!/usr/bin/env node
// npm run bench — what authentication costs per request, on this machine, in one run.
//
// Starts the production build (building it only when missing) once per configuration, logs in as
// the demo user for real credentials, and drives with autocannon GET /api/ping (unauthenticated)
// and GET /api/ping/protected (the same answer behind authentication; BENCH_ROUTE=/api/me for the
// lab's route) in alternating one-second slices on the same server, so that a machine whose load
// drifts during the run weighs on both sides of the ratio alike. Prints req/s, p50/p99, the ratio
// and the per-step µs the server reports in Server-Timing; then the cost of a session
// lookup with 1k, 100k and 1M live sessions. Writes bench/results.json and bench/RESULTS.md.
//
//   BENCH_SECONDS=10 (per measurement)  BENCH_WARMUP_SECONDS=5  BENCH_CONNECTIONS=10  BENCH_PORT=3900
//   PG_URL=postgres://postgres@127.0.0.1:5432 (server)  REDIS_URL=redis://127.0.0.1:6379
//   PG_DATABASE_PREFIX=authlab_ (throw-away databases are <prefix>bench_<random>)
//   BENCH_ONLY=noise-floor,session-sqlite,jwt-hs256,growth (a subset while working on one case: printed, not written)
//
// A case whose service is missing, or whose store the server does not actually use (checked with
// GET /api/lab/instance), is reported as not run, with the reason. Nothing is ever estimated.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import {
  DEFAULT_PG_SERVER,
  DEFAULT_REDIS_URL,
  ROOT,
  createPostgresDatabase,
  deleteRedisKeys,
  dropPostgresDatabase,
  ensureAsymmetricKeyFile,
  ensureProductionBuild,
  migrate,
  postgresProblem,
  startApp,
  urlReachable,
} from "./lib/app-process.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/**
 * Next's production server needs several seconds of traffic on a route before its throughput
 * settles (JIT): measured here, 2 s left the first slices visibly slower. Not counted.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? Math.min(5, Math.max(1, SECONDS / 2)));
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const PG_SERVER = process.env.PG_URL ?? DEFAULT_PG_SERVER;
const REDIS_URL = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const TIMING_SAMPLES = 200;
const GROWTH_SAMPLES = 400;
const workDir = path.join(ROOT, "tmp", "bench");
/**
 * The protected route: `/api/ping` behind authentication (the same small answer), so that the
 * ratio measures authentication and nothing else. `BENCH_ROUTE=/api/me` measures the lab's route,
 * which also serialises the whole trace into its body.
 */
const PROTECTED_ROUTE = process.env.BENCH_ROUTE ?? "/api/ping/protected";
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((s) => s.trim())) : null;
const wanted = (name) => !ONLY || ONLY.has(name);
const ALICE = { email: "alice@example.com", password: "wonderland-demo" };

/** The issue's targets, as ratios to the unauthenticated route in the same run. */
const TARGETS = {
  "session-sqlite": 0.9,
  "session-redis": 0.85,
  "jwt-hs256": 0.97,
  "jwt-es256": 0.97,
  "jwt-eddsa": 0.97,
  "jwt-denylist-redis": 0.85,
};
const GROWTH_TOLERANCE = 0.1;

const log = (line) => console.log(`bench: ${line}`);

async function startServer(name, extraEnv) {
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
    SEED_DEMO_USERS: "true",
    DEMO_CLOCK: "off",
    INSTANCE_ID: `bench-${name}`,
    ...extraEnv,
  };
  migrate(env);
  if (env.JWT_ALG === "ES256" || env.JWT_ALG === "EdDSA") await ensureAsymmetricKeyFile(env.JWT_KEYS_FILE, env.JWT_ALG);
  const app = await startApp({ port: PORT, host: "127.0.0.1", env });
  const info = await (await fetch(`${app.url}/api/lab/instance`)).json();
  return { ...app, base: app.url, dataDir, env, info };
}

async function login(base, mode) {
  const url = mode === "jwt" ? `${base}/api/auth/jwt/login?cookies=none` : `${base}/api/auth/session/login`;
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ALICE) });
  if (!res.ok) throw new Error(`login ${mode} failed: ${res.status} ${await res.text()}`);
  if (mode === "jwt") return { authorization: `Bearer ${(await res.json()).accessToken}` };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-session="));
  return { cookie: cookie.split(";")[0] };
}

/**
 * Sequential requests on a fresh keep-alive agent (a pooled socket may have been closed by the
 * server while this process was busy inserting rows); returns the median µs of each Server-Timing step.
 */
async function serverTiming(url, headers, samples = TIMING_SAMPLES) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const perStep = new Map();
  try {
    for (let i = 0; i < samples; i++) {
      const timing = await new Promise((resolve, reject) => {
        const req = http.get(url, { agent, headers }, (res) => {
          res.resume();
          res.on("end", () => (res.statusCode === 200 ? resolve(res.headers["server-timing"] ?? "") : reject(new Error(`${url} answered ${res.statusCode}`))));
        });
        req.on("error", reject);
      });
      for (const part of timing.split(/,(?=\s*\d+-)/)) {
        const m = /^\s*\d+-([\w-]+);dur=([\d.]+)/.exec(part);
        if (m) perStep.set(m[1], [...(perStep.get(m[1]) ?? []), Number(m[2]) * 1000]);
      }
    }
  } finally {
    agent.destroy();
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return Object.fromEntries([...perStep].map(([k, v]) => [k, Math.round(median(v))]));
}

function cannon(url, headers, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, duration: seconds, pipelining: 1 }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function expectOk(name, url, headers) {
  const probe = await fetch(url, { headers });
  if (probe.status !== 200) throw new Error(`${name}: ${url} answered ${probe.status} ${await probe.text()}`);
}

const SLICE_SECONDS = 1;

/**
 * The protected route and the unauthenticated route in alternating one-second slices (ping first
 * in odd rounds, the case first in even ones), BENCH_SECONDS of each in all: a machine whose load
 * drifts during the run then weighs on both sides of the ratio alike. req/s = all requests ÷ all
 * time; p50/p99 = the median of the slices' p50/p99.
 */
async function paired(name, base, route, headers) {
  const caseUrl = `${base}${route}`;
  const pingUrl = `${base}/api/ping`;
  await expectOk(name, caseUrl, headers);
  await expectOk("unauthenticated", pingUrl, {});
  await cannon(pingUrl, {}, WARMUP_SECONDS); // JIT, connection pools: not counted
  await cannon(caseUrl, headers, WARMUP_SECONDS);
  const sides = { ping: { requests: 0, seconds: 0, p50: [], p99: [] }, case: { requests: 0, seconds: 0, p50: [], p99: [] } };
  const roundRatios = [];
  const slice = async (side, url, h) => {
    const r = await cannon(url, h, SLICE_SECONDS);
    const errors = r.errors + r.non2xx + r.timeouts;
    if (errors > 0) throw new Error(`${side === "ping" ? "unauthenticated" : name}: ${errors} failed requests out of ${r.requests.total}`);
    sides[side].requests += r.requests.total;
    sides[side].seconds += r.duration;
    sides[side].p50.push(r.latency.p50);
    sides[side].p99.push(r.latency.p99);
    return r.requests.total / r.duration;
  };
  const rounds = Math.max(2, Math.round(SECONDS / SLICE_SECONDS));
  for (let i = 0; i < rounds; i++) {
    let pingRate, caseRate;
    if (i % 2 === 0) {
      pingRate = await slice("ping", pingUrl, {});
      caseRate = await slice("case", caseUrl, headers);
    } else {
      caseRate = await slice("case", caseUrl, headers);
      pingRate = await slice("ping", pingUrl, {});
    }
    roundRatios.push(caseRate / pingRate);
  }
  const summary = (side) => ({
    reqPerSec: Math.round(side.requests / side.seconds),
    p50Ms: medianOf(side.p50),
    p99Ms: medianOf(side.p99),
    requests: side.requests,
  });
  // How far single rounds stray: the resolution of the ratio on this machine, printed beside it.
  const spread = [round2(Math.min(...roundRatios)), round2(Math.max(...roundRatios))];
  return { ping: summary(sides.ping), case: { ...summary(sides.case), spread } };
}

const round2 = (x) => Math.round(x * 100) / 100;

/**
 * One server, one or more protected cases, each between two runs of the unauthenticated route.
 * `expect(info)` returns why the server is not configured as the case needs, or null.
 */
async function configuration(results, name, env, fullPlan) {
  const plan = fullPlan.filter((c) => wanted(c.name));
  if (plan.length === 0) return;
  const server = await startServer(name, env);
  try {
    for (const c of plan) {
      const problem = c.expect?.(server.info);
      if (problem) {
        results.notRun.push({ name: c.name, reason: problem });
        log(`${c.name.padEnd(20)} not run: ${problem}`);
        continue;
      }
      const headers = c.mode === "none" ? {} : await login(server.base, c.mode);
      const route = c.route ?? `${PROTECTED_ROUTE}?mode=${c.mode}`;
      const { ping, case: m } = await paired(c.name, server.base, route, headers);
      if (results.baseline === undefined) results.baseline = ping;
      const baselineReqPerSec = ping.reqPerSec;
      const steps = c.mode === "none" ? {} : await serverTiming(`${server.base}${route}`, headers);
      const entry = { name: c.name, ...m, ratio: round2(m.reqPerSec / baselineReqPerSec), baselineReqPerSec, steps, store: server.info.sessionStore };
      results.cases.push(entry);
      log(`${c.name.padEnd(20)} ${String(m.reqPerSec).padStart(6)} req/s  p50 ${m.p50Ms} ms  p99 ${m.p99Ms} ms  ratio ${entry.ratio} (rounds ${m.spread.join("–")}; unauthenticated ${ping.reqPerSec} req/s, p50 ${ping.p50Ms} ms, in the same slices)  ${JSON.stringify(steps)}`);
    }
  } finally {
    await server.stop();
  }
}

/** A throw-away PostgreSQL database for one configuration. */
async function withPostgres(fn) {
  const name = `${process.env.PG_DATABASE_PREFIX ?? "authlab_"}bench_${randomBytes(4).toString("hex")}`;
  const url = await createPostgresDatabase(PG_SERVER, name, { fresh: true });
  try {
    return await fn(url);
  } finally {
    await dropPostgresDatabase(PG_SERVER, name);
  }
}

const GROWTH_STEPS = [1_000, 100_000, 1_000_000];

/**
 * Bulk inserts (one statement per step) of extra live sessions for the demo user, then timings:
 * the server's own session-lookup step, and the bare index lookup by primary key measured from
 * here (no ORM, no HTTP), for random existing sessions.
 */
async function sessionGrowth(label, env, insert, rawLookup) {
  const server = await startServer(`growth-${label}`, env);
  const out = [];
  try {
    const headers = await login(server.base, "session");
    // Warm the route first, so that the 1k figure is not the only one measured on a cold server.
    await cannon(`${server.base}${PROTECTED_ROUTE}?mode=session`, headers, WARMUP_SECONDS);
    await serverTiming(`${server.base}${PROTECTED_ROUTE}?mode=session`, headers, GROWTH_SAMPLES);
    let live = 1;
    for (const target of GROWTH_STEPS) {
      const started = Date.now();
      await insert(server, target - live);
      live = target;
      const filledMs = Date.now() - started;
      const steps = await serverTiming(`${server.base}${PROTECTED_ROUTE}?mode=session`, headers, GROWTH_SAMPLES);
      const indexLookupUs = await rawLookup(server);
      out.push({ store: label, liveSessions: target, sessionLookupUs: steps["session-lookup"], userLookupUs: steps["user-lookup"], indexLookupUs });
      log(`${label}: ${target.toLocaleString("en")} live sessions (filled in ${filledMs} ms) → session-lookup step ${steps["session-lookup"]} µs (median of ${GROWTH_SAMPLES}), bare index lookup ${indexLookupUs} µs`);
    }
  } finally {
    await server.stop();
  }
  return out;
}

function sqliteInsert(server, count) {
  const db = new Database(path.join(server.dataDir, "authlab.db"), { timeout: 10_000 });
  try {
    const sample = db.prepare("SELECT * FROM Session LIMIT 1").get();
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO Session (id, userId, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, userAgent)
       SELECT lower(hex(randomblob(32))), ?, ?, ?, ?, ?, 'bench' FROM n`,
    ).run(count, sample.userId, sample.createdAt, sample.lastSeenAt, sample.idleExpiresAt, sample.absoluteExpiresAt);
  } finally {
    db.close();
  }
}

const RAW_LOOKUPS = 2_000;
const medianOf = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function sqliteRawLookup(server) {
  const db = new Database(path.join(server.dataDir, "authlab.db"), { readonly: true });
  try {
    const ids = db.prepare(`SELECT id FROM Session ORDER BY random() LIMIT ${RAW_LOOKUPS}`).pluck().all();
    const get = db.prepare("SELECT * FROM Session WHERE id = ?");
    const times = ids.map((id) => {
      const t0 = process.hrtime.bigint();
      get.get(id);
      return Number(process.hrtime.bigint() - t0) / 1000;
    });
    return Math.round(medianOf(times) * 10) / 10;
  } finally {
    db.close();
  }
}

async function postgresRawLookup(server) {
  const client = new pg.Client({ connectionString: server.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT id FROM "Session" ORDER BY random() LIMIT ${RAW_LOOKUPS}`);
    const times = [];
    for (const { id } of rows) {
      const t0 = process.hrtime.bigint();
      await client.query({ name: "session-by-id", text: 'SELECT * FROM "Session" WHERE id = $1', values: [id] });
      times.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
    return Math.round(medianOf(times));
  } finally {
    await client.end();
  }
}

async function postgresInsert(server, count) {
  const client = new pg.Client({ connectionString: server.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT * FROM "Session" LIMIT 1');
    const s = rows[0];
    await client.query(
      `INSERT INTO "Session" (id, "userId", "createdAt", "lastSeenAt", "idleExpiresAt", "absoluteExpiresAt", "userAgent")
       SELECT md5(random()::text || i) || md5(random()::text || i), $1, $2, $3, $4, $5, 'bench' FROM generate_series(1, $6) AS i`,
      [s.userId, s.createdAt, s.lastSeenAt, s.idleExpiresAt, s.absoluteExpiresAt, count],
    );
    await client.query('ANALYZE "Session"');
  } finally {
    await client.end();
  }
}

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model?.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

function markdown(results) {
  const targetCell = (c) => {
    const target = TARGETS[c.name];
    return target === undefined ? "—" : `≥ ${target} ${c.ratio >= target ? "met" : "missed"}`;
  };
  const growthRows = results.sessionGrowth.map((g) => `| ${g.store} | ${g.liveSessions.toLocaleString("en")} | ${g.sessionLookupUs} | ${g.userLookupUs} | ${g.indexLookupUs} |`);
  return [
    "# AuthLab benchmark",
    "",
    `Run ${results.date} on ${results.machine}; load average at start ${results.loadAverage.join(" / ")}.`,
    `Per case: ${results.seconds} s of \`GET ${PROTECTED_ROUTE}\` with the credential and ${results.seconds} s of \`GET /api/ping\` (unauthenticated) on the same server, in alternating ${SLICE_SECONDS}-s slices, after ${WARMUP_SECONDS} s of warm-up each; ${results.connections} connections (autocannon), production build, one instance.`,
    "Ratio = req/s of the case ÷ req/s of the unauthenticated route in the same slices. p50/p99 = median of the slices' percentiles.",
    "Steps = median µs of each step over sequential requests, from the server's own `Server-Timing` header.",
    "",
    "Rounds = the lowest and highest ratio of single rounds (one slice each side): how far one second strays. `noise-floor` is the unauthenticated route against itself — any ratio within its distance of 1 is indistinguishable from no cost at all here.",
    "",
    "| case | req/s | ratio | rounds | target | p50 ms | p99 ms | server steps (median µs) |",
    "| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |",
    `| unauthenticated | ${results.baseline?.reqPerSec ?? "—"} | 1 | — | — | ${results.baseline?.p50Ms ?? "—"} | ${results.baseline?.p99Ms ?? "—"} | — |`,
    ...results.cases.map((c) => `| ${c.name} | ${c.reqPerSec} | ${c.ratio} | ${c.spread.join("–")} | ${targetCell(c)} | ${c.p50Ms} | ${c.p99Ms} | ${Object.entries(c.steps).map(([k, v]) => `${k} ${v}`).join(", ") || "—"} |`),
    ...results.notRun.map((n) => `| ${n.name} | not run | | | | | | ${n.reason} |`),
    "",
    "## Session lookup as the store grows",
    "",
    `Median \`session-lookup\` step over ${GROWTH_SAMPLES} sequential requests (the server's own timing, ORM included); target: flat within ±${GROWTH_TOLERANCE * 100} % from 1k to 1M live sessions.`,
    `"Bare index lookup" is the same primary-key SELECT sent directly (better-sqlite3 / pg, no ORM, no HTTP) for ${RAW_LOOKUPS} random existing sessions: the part that could grow with the table.`,
    "",
    "| store | live sessions | session-lookup step µs | user-lookup step µs | bare index lookup µs |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...growthRows,
    "",
    ...results.growthVerdicts.map((v) => `- ${v}`),
    "",
  ].join("\n");
}

async function main() {
  ensureProductionBuild({ log });
  mkdirSync(workDir, { recursive: true });
  const pgProblem = await postgresProblem(PG_SERVER);
  const hasRedis = await urlReachable(REDIS_URL);
  const results = { date: new Date().toISOString(), machine: machine(), loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), seconds: SECONDS, connections: CONNECTIONS, baseline: undefined, cases: [], notRun: [], sessionGrowth: [], growthVerdicts: [] };
  const sessionIn = (store) => (info) => (info.sessionStore === store ? null : `the server does not keep sessions in ${store} (GET /api/lab/instance says "${info.sessionStore}")`);
  const denylistIn = (store) => (info) => (info.denylistStore === store ? null : `the server does not keep the denylist in ${store} (GET /api/lab/instance says "${info.denylistStore}")`);

  await configuration(results, "sqlite", {}, [
    // The unauthenticated route against itself: what the ratio reads when nothing differs — the
    // measurement's own noise on this machine, to read every other ratio against.
    { name: "noise-floor", mode: "none", route: "/api/ping" },
    { name: "session-sqlite", mode: "session", expect: sessionIn("database") },
    { name: "jwt-hs256", mode: "jwt" },
  ]);
  if (!wanted("session-postgres")) {
    // not asked for
  } else if (pgProblem) results.notRun.push({ name: "session-postgres", reason: `PostgreSQL not reachable at ${PG_SERVER} (${pgProblem})` });
  else await withPostgres((url) => configuration(results, "postgres", { DATABASE_URL: url }, [{ name: "session-postgres", mode: "session", expect: sessionIn("database") }]));
  if (!wanted("session-redis") && !wanted("jwt-denylist-redis")) {
    // not asked for
  } else if (!hasRedis) {
    results.notRun.push({ name: "session-redis", reason: `Redis not reachable at ${REDIS_URL}` }, { name: "jwt-denylist-redis", reason: `Redis not reachable at ${REDIS_URL}` });
  } else {
    // Keys under a prefix of this run's own, deleted afterwards: the Redis may be shared.
    const REDIS_KEY_PREFIX = `authlab-bench-${randomBytes(4).toString("hex")}:`;
    try {
      await configuration(results, "redis", { REDIS_URL, REDIS_KEY_PREFIX, SESSION_STORE: "redis" }, [{ name: "session-redis", mode: "session", expect: sessionIn("redis") }]);
      await configuration(results, "redis-denylist", { REDIS_URL, REDIS_KEY_PREFIX, DENYLIST_STORE: "redis", JWT_DENYLIST: "true" }, [{ name: "jwt-denylist-redis", mode: "jwt", expect: denylistIn("redis") }]);
    } finally {
      await deleteRedisKeys(REDIS_URL, REDIS_KEY_PREFIX);
    }
  }
  await configuration(results, "es256", { JWT_ALG: "ES256" }, [{ name: "jwt-es256", mode: "jwt" }]);
  await configuration(results, "eddsa", { JWT_ALG: "EdDSA" }, [{ name: "jwt-eddsa", mode: "jwt" }]);

  if (wanted("growth")) results.sessionGrowth.push(...(await sessionGrowth("sqlite", {}, sqliteInsert, sqliteRawLookup)));
  if (wanted("growth") && !pgProblem) {
    results.sessionGrowth.push(...(await withPostgres((url) => sessionGrowth("postgres", { DATABASE_URL: url }, postgresInsert, postgresRawLookup))));
  }
  for (const store of new Set(results.sessionGrowth.map((g) => g.store))) {
    const rows = results.sessionGrowth.filter((g) => g.store === store);
    const first = rows[0].sessionLookupUs;
    const worst = Math.max(...rows.map((r) => Math.abs(r.sessionLookupUs - first) / first));
    const flat = worst <= GROWTH_TOLERANCE;
    results.growthVerdicts.push(`${store}: ${flat ? "flat" : "not flat"} — at most ${Math.round(worst * 100)} % away from the 1k figure (target ±${GROWTH_TOLERANCE * 100} %)`);
  }

  const json = {
    date: results.date,
    machine: results.machine,
    loadAverage: results.loadAverage,
    seconds: SECONDS,
    connections: CONNECTIONS,
    cases: [
      { name: "unauthenticated", reqPerSec: results.baseline?.reqPerSec, ratio: 1, p50Ms: results.baseline?.p50Ms, p99Ms: results.baseline?.p99Ms, steps: {} },
      ...results.cases.map(({ name, reqPerSec, ratio, spread, p50Ms, p99Ms, baselineReqPerSec, steps, requests }) => ({ name, reqPerSec, ratio, roundRatios: spread, p50Ms, p99Ms, baselineReqPerSec, requests, steps, target: TARGETS[name] ?? null, met: TARGETS[name] === undefined ? null : ratio >= TARGETS[name] })),
      // A case that could not run keeps its name, with no figures and the reason.
      ...results.notRun.map(({ name, reason }) => ({ name, reqPerSec: null, ratio: null, p50Ms: null, p99Ms: null, notRun: reason, target: TARGETS[name] ?? null, met: null })),
    ],
    sessionGrowth: results.sessionGrowth,
    growthVerdicts: results.growthVerdicts,
  };
  const md = markdown(results);
  console.log(`\n${md}`);
  if (ONLY) {
    log("BENCH_ONLY is set: a partial run, so bench/results.json and bench/RESULTS.md were left as they were");
    return;
  }
  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench/results.json"), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(path.join(ROOT, "bench/RESULTS.md"), md);
  log("wrote bench/results.json and bench/RESULTS.md");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
