#!/usr/bin/env node
// npm run bench — what authentication costs per request, on this machine, in one run, against the
// framework itself.
//
// Builds and starts a bare Next.js app of the same installed version (scripts/lib/bare-next-app.mjs:
// the same `/api/ping` answer, plus that answer behind iron-session alone and behind jose alone, as
// a user might write instead), and AuthLab's production build once per configuration. In every
// configuration, each case and the bare `/api/ping` are driven with autocannon in the same rounds of
// one-second slices (the order reversed every other round), so that a machine whose load drifts
// weighs on all of them alike. For each case it prints req/s, p50/p99, the ratio to bare, server
// CPU per request over bare (read from /proc: the steadier figure on a shared machine) and the
// per-step µs AuthLab reports in Server-Timing. Then: creating a lab (p50/p99 of 1,000 POST
// /api/labs), the session case again with those 1,000 labs live, and the session lookup with 1k,
// 100k and 1M live sessions. Writes bench/results.json and bench/RESULTS.md.
//
//   BENCH_SECONDS=10 (slices per case)  BENCH_WARMUP_SECONDS=5  BENCH_CONNECTIONS=10  BENCH_PORT=3900
//   PG_URL=postgres://postgres@127.0.0.1:5432 (server)  REDIS_URL=redis://127.0.0.1:6379
//   PG_DATABASE_PREFIX=authlab_ (throw-away databases are <prefix>bench_<random>)
//   BENCH_ONLY=sqlite,labs,postgres,redis,es256,eddsa,growth (labs runs on the sqlite server; a subset is printed, not written)
//   BENCH_PROFILE=1 (every server runs with --cpu-prof into tmp/bench/profiles; see scripts/profile-summary.mjs)
//
// A case whose service is missing, or whose store the server does not actually use (checked with
// GET /api/lab/instance), is reported as not run, with the reason. Nothing is ever estimated.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { sealData } from "iron-session";
import { SignJWT } from "jose";
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
  startServerProcess,
  throwAwayServerEnv,
  urlReachable,
} from "./lib/app-process.mjs";
import { BARE_SECRETS, bareAppCommand, ensureBareApp } from "./lib/bare-next-app.mjs";
import { cpuMicros } from "./lib/process-cpu.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/**
 * Next's production server needs several seconds of traffic on a route before its throughput
 * settles (JIT): measured here, 2 s left the first slices visibly slower. Not counted.
 */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? Math.min(5, Math.max(1, SECONDS / 2)));
const SLICE_SECONDS = 1;
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const BARE_PORT = PORT + 1;
const PG_SERVER = process.env.PG_URL ?? DEFAULT_PG_SERVER;
const REDIS_URL = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.join(ROOT, "tmp", "bench", "profiles") : null;
const TIMING_SAMPLES = 200;
const GROWTH_SAMPLES = 400;
const LABS = 1_000;
const workDir = path.join(ROOT, "tmp", "bench");
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((s) => s.trim())) : null;
const wanted = (name) => !ONLY || ONLY.has(name);
const ALICE = { email: "alice@example.com", password: "wonderland-demo" };

/** The issue's targets: req/s ÷ bare (at least), server CPU µs per request over bare (at most). */
const TARGETS = {
  unauthenticated: { ratio: 0.97, cpuOverBareUs: 60 },
  "jwt-hs256": { ratio: 0.95, cpuOverBareUs: 120 },
  "session-sqlite": { ratio: 0.9, cpuOverBareUs: 250 },
  "session-redis": { ratio: 0.85 },
  "jwt-denylist-redis": { ratio: 0.85 },
};
const LAB_CREATION_P50_TARGET_MS = 20;
const GROWTH_TOLERANCE = 0.1;

const log = (line) => console.log(`bench: ${line}`);
const round2 = (x) => Math.round(x * 100) / 100;
const medianOf = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

function profileArgs(name) {
  if (!PROFILE_DIR) return [];
  mkdirSync(PROFILE_DIR, { recursive: true });
  return ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${name}.cpuprofile`];
}

async function startBare() {
  ensureBareApp(undefined, { log });
  const { args, cwd } = bareAppCommand(undefined, BARE_PORT);
  const server = await startServerProcess({ args: [...profileArgs("bare"), ...args], cwd, port: BARE_PORT, env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  const session = await sealData({ userId: "bare-user" }, { password: BARE_SECRETS.ironPassword });
  const token = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setSubject("bare-user").setIssuedAt().setExpirationTime("1h").sign(new TextEncoder().encode(BARE_SECRETS.jwtSecret));
  return {
    ...server,
    base: server.url,
    cases: {
      ping: { name: "bare", url: `${server.url}/api/ping`, headers: {}, pid: server.pid, bare: true },
      again: { name: "bare-again", url: `${server.url}/api/ping`, headers: {}, pid: server.pid, bare: true, note: "the bare route against itself: the run's noise floor" },
      iron: { name: "iron-session", url: `${server.url}/api/iron-session`, headers: { cookie: `bare_session=${session}` }, pid: server.pid, bare: true, note: "getIronSession in a bare route (stateless sealed cookie)" },
      jose: { name: "jose-hs256", url: `${server.url}/api/jose`, headers: { authorization: `Bearer ${token}` }, pid: server.pid, bare: true, note: "jwtVerify in a bare route (HS256 Bearer)" },
    },
  };
}

async function startServer(name, extraEnv) {
  // The bench creates its labs from one address.
  const { dataDir, env } = throwAwayServerEnv(workDir, name, { LAB_CREATE_PER_ADDRESS: String(LABS * 10), ...extraEnv });
  migrate(env);
  if (env.JWT_ALG === "ES256" || env.JWT_ALG === "EdDSA") await ensureAsymmetricKeyFile(env.JWT_KEYS_FILE, env.JWT_ALG);
  const app = await startApp({ port: PORT, host: "127.0.0.1", env, nodeArgs: profileArgs(name) });
  const info = await (await fetch(`${app.url}/api/lab/instance`)).json();
  return { ...app, base: app.url, dataDir, env, info };
}

/** A lab of the bench's own (as every visitor gets), and its cookie. */
async function newLab(base, agent) {
  const res = await request(`${base}/api/labs`, { method: "POST", agent });
  if (res.status !== 201) throw new Error(`POST /api/labs answered ${res.status} ${res.body}`);
  const { lab, cookie } = JSON.parse(res.body);
  return { id: lab.id, cookie: `${cookie.name}=${cookie.value}` };
}

/** Logs the demo user in inside `lab`; returns the headers that carry the credential. */
async function login(base, mode, lab) {
  const url = mode === "jwt" ? `${base}/api/auth/jwt/login?cookies=none` : `${base}/api/auth/session/login`;
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", cookie: lab.cookie }, body: JSON.stringify(ALICE) });
  if (!res.ok) throw new Error(`login ${mode} failed: ${res.status} ${await res.text()}`);
  if (mode === "jwt") return { cookie: lab.cookie, authorization: `Bearer ${(await res.json()).accessToken}` };
  const session = res.headers.getSetCookie().find((c) => c.startsWith("__Host-session="));
  return { cookie: `${lab.cookie}; ${session.split(";")[0]}` };
}

function request(url, { method = "GET", headers = {}, agent } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
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
      const res = await request(url, { headers, agent });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      for (const part of String(res.headers["server-timing"] ?? "").split(/,(?=\s*\d+-)/)) {
        const m = /^\s*\d+-([\w-]+);dur=([\d.]+)/.exec(part);
        if (m) perStep.set(m[1], [...(perStep.get(m[1]) ?? []), Number(m[2]) * 1000]);
      }
    }
  } finally {
    agent.destroy();
  }
  return Object.fromEntries([...perStep].map(([k, v]) => [k, Math.round(medianOf(v))]));
}

function cannon(url, headers, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, headers, connections: CONNECTIONS, duration: seconds, pipelining: 1 }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function expectOk(c) {
  const res = await fetch(c.url, { headers: c.headers });
  if (res.status !== 200) throw new Error(`${c.name}: ${c.url} answered ${res.status} ${await res.text()}`);
}

/**
 * The bare route and every case in the same rounds of one-second slices, BENCH_SECONDS rounds:
 * req/s = requests ÷ time over all slices, CPU per request = the server's CPU time over the
 * slices ÷ their requests, p50/p99 = the median of the slices' percentiles. Each case's ratio and
 * CPU are against the bare route of the same rounds; `spread` is the lowest and highest ratio of a
 * single round (how far one second strays).
 */
async function rounds(bareCase, cases) {
  const all = [bareCase, ...cases];
  for (const c of all) await expectOk(c);
  for (const c of all) await cannon(c.url, c.headers, WARMUP_SECONDS); // JIT, pools: not counted
  const acc = new Map(all.map((c) => [c, { requests: 0, seconds: 0, cpuUs: 0, p50: [], p99: [], perRound: [] }]));
  const count = Math.max(2, Math.round(SECONDS / SLICE_SECONDS));
  for (let round = 0; round < count; round++) {
    for (const c of round % 2 === 0 ? all : [...all].reverse()) {
      const before = cpuMicros(c.pid);
      const r = await cannon(c.url, c.headers, SLICE_SECONDS);
      const after = cpuMicros(c.pid);
      const failed = r.errors + r.non2xx + r.timeouts;
      if (failed > 0) throw new Error(`${c.name}: ${failed} failed requests out of ${r.requests.total}`);
      const a = acc.get(c);
      a.requests += r.requests.total;
      a.seconds += r.duration;
      a.cpuUs += before === null || after === null ? Number.NaN : after - before;
      a.p50.push(r.latency.p50);
      a.p99.push(r.latency.p99);
      a.perRound.push(r.requests.total / r.duration);
    }
  }
  const summary = (c) => {
    const a = acc.get(c);
    const cpu = a.cpuUs / a.requests;
    return { reqPerSec: Math.round(a.requests / a.seconds), p50Ms: medianOf(a.p50), p99Ms: medianOf(a.p99), requests: a.requests, cpuPerRequestUs: Number.isNaN(cpu) ? null : Math.round(cpu) };
  };
  const bare = summary(bareCase);
  const bareRounds = acc.get(bareCase).perRound;
  return {
    bare,
    cases: cases.map((c) => {
      const s = summary(c);
      const ratios = acc.get(c).perRound.map((rate, i) => rate / bareRounds[i]);
      return {
        ...s,
        ratio: round2(s.reqPerSec / bare.reqPerSec),
        spread: [round2(Math.min(...ratios)), round2(Math.max(...ratios))],
        cpuOverBareUs: s.cpuPerRequestUs === null || bare.cpuPerRequestUs === null ? null : s.cpuPerRequestUs - bare.cpuPerRequestUs,
      };
    }),
  };
}

function verdict(name, entry) {
  const target = TARGETS[name];
  if (!target) return null;
  const parts = [];
  let met = true;
  if (target.ratio !== undefined) {
    parts.push(`ratio ≥ ${target.ratio}`);
    met &&= entry.ratio >= target.ratio;
  }
  if (target.cpuOverBareUs !== undefined) {
    parts.push(`CPU ≤ +${target.cpuOverBareUs} µs`);
    met &&= entry.cpuOverBareUs !== null && entry.cpuOverBareUs <= target.cpuOverBareUs;
  }
  return { target: parts.join(", "), met };
}

function record(results, configuration, c, measured, steps = {}, extra = {}) {
  const entry = { name: c.name, configuration, ...measured, bareReqPerSec: results.lastBare.reqPerSec, bareCpuPerRequestUs: results.lastBare.cpuPerRequestUs, steps, note: c.note ?? null, ...extra };
  const v = verdict(c.name, entry);
  if (v) Object.assign(entry, v);
  results.cases.push(entry);
  const cpu = entry.cpuOverBareUs === null ? "CPU n/a" : `CPU ${entry.cpuPerRequestUs} µs/req (${entry.cpuOverBareUs >= 0 ? "+" : ""}${entry.cpuOverBareUs} over bare)`;
  log(
    `${c.name.padEnd(22)} ${String(entry.reqPerSec).padStart(6)} req/s  ratio ${entry.ratio} (rounds ${entry.spread.join("–")})  ${cpu}  p50 ${entry.p50Ms} ms  p99 ${entry.p99Ms} ms` +
      `${v ? `  [${v.target}: ${v.met ? "met" : "MISSED"}]` : ""}  ${Object.keys(steps).length ? JSON.stringify(steps) : ""}  (bare ${results.lastBare.reqPerSec} req/s, ${results.lastBare.cpuPerRequestUs} µs/req)`,
  );
  return entry;
}

/**
 * One AuthLab server (configuration `name`), its cases measured with the bare route (and `bareCases`
 * of the bare app) in the same rounds. `expect(info)` returns why the server is not configured as
 * the case needs, or null. `after(server, lab)` runs more measurements on the same server.
 */
async function configuration(results, bare, name, env, plan, { bareCases = [], after } = {}) {
  if (!wanted(name)) return;
  const server = await startServer(name, env);
  try {
    const lab = await newLab(server.base);
    const cases = [];
    for (const c of plan) {
      const problem = c.expect?.(server.info);
      if (problem) {
        results.notRun.push({ name: c.name, reason: problem });
        log(`${c.name.padEnd(22)} not run: ${problem}`);
        continue;
      }
      const headers = c.mode === "none" ? {} : await login(server.base, c.mode, lab);
      const route = c.route ?? `/api/ping/protected?mode=${c.mode}`;
      cases.push({ ...c, url: `${server.base}${route}`, headers, pid: server.pid });
    }
    const measured = await rounds(bare.cases.ping, [...cases, ...bareCases]);
    results.lastBare = measured.bare;
    results.bareRuns.push({ configuration: name, ...measured.bare });
    for (const [i, c] of [...cases, ...bareCases].entries()) {
      const steps = c.bare || c.mode === "none" ? {} : await serverTiming(c.url, c.headers);
      record(results, c.bare ? "bare" : name, c, measured.cases[i], steps, c.bare ? {} : { store: server.info.sessionStore });
    }
    if (after) await after(server, lab, cases);
  } finally {
    await server.stop();
  }
}

/**
 * Creating a lab as a visitor's first page view does: POST /api/labs, sequentially on one
 * keep-alive connection, LABS times (so that LABS labs are live afterwards). Times in ms.
 */
async function labCreation(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times = [];
  try {
    for (let i = 0; i < LABS; i++) {
      const t0 = process.hrtime.bigint();
      await newLab(base, agent);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  } finally {
    agent.destroy();
  }
  return { count: LABS, p50Ms: round2(percentile(times, 0.5)), p99Ms: round2(percentile(times, 0.99)), maxMs: round2(Math.max(...times)) };
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
    const lab = await newLab(server.base);
    const headers = await login(server.base, "session", lab);
    const url = `${server.base}/api/ping/protected?mode=session`;
    // Warm the route first, so that the 1k figure is not the only one measured on a cold server.
    await cannon(url, headers, WARMUP_SECONDS);
    await serverTiming(url, headers, GROWTH_SAMPLES);
    let live = 1;
    for (const target of GROWTH_STEPS) {
      const started = Date.now();
      await insert(server, target - live);
      live = target;
      const filledMs = Date.now() - started;
      const steps = await serverTiming(url, headers, GROWTH_SAMPLES);
      const indexLookupUs = await rawLookup(server);
      out.push({ store: label, liveSessions: target, sessionLookupUs: steps["session-lookup"], indexLookupUs });
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
       INSERT INTO Session (id, labId, userId, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, userAgent)
       SELECT lower(hex(randomblob(32))), ?, ?, ?, ?, ?, ?, 'bench' FROM n`,
    ).run(count, sample.labId, sample.userId, sample.createdAt, sample.lastSeenAt, sample.idleExpiresAt, sample.absoluteExpiresAt);
  } finally {
    db.close();
  }
}

const RAW_LOOKUPS = 2_000;

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
      `INSERT INTO "Session" (id, "labId", "userId", "createdAt", "lastSeenAt", "idleExpiresAt", "absoluteExpiresAt", "userAgent")
       SELECT md5(random()::text || i) || md5(random()::text || i), $1, $2, $3, $4, $5, $6, 'bench' FROM generate_series(1, $7) AS i`,
      [s.labId, s.userId, s.createdAt, s.lastSeenAt, s.idleExpiresAt, s.absoluteExpiresAt, count],
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
  const cell = (x) => (x === null || x === undefined ? "—" : String(x));
  const signed = (x) => (x === null || x === undefined ? "—" : `${x >= 0 ? "+" : ""}${x}`);
  const rows = results.cases.map(
    (c) =>
      `| ${c.name} | ${c.configuration} | ${c.reqPerSec} | ${c.ratio} | ${c.spread.join("–")} | ${cell(c.cpuPerRequestUs)} | ${signed(c.cpuOverBareUs)} | ${c.target ? `${c.target}: ${c.met ? "met" : "**missed**"}` : "—"} | ${c.p50Ms} | ${c.p99Ms} | ${Object.entries(c.steps).map(([k, v]) => `${k} ${v}`).join(", ") || c.note || "—"} |`,
  );
  const bareRows = results.bareRuns.map((b) => `${b.configuration}: ${b.reqPerSec} req/s, ${cell(b.cpuPerRequestUs)} µs CPU/req`);
  const labs = results.labs;
  return [
    "# AuthLab benchmark",
    "",
    `Run ${results.date} on ${results.machine}; load average at start ${results.loadAverage.join(" / ")}.`,
    `Each configuration is one AuthLab production server (\`npm start\`) beside a bare Next.js app of the same version (\`next start\`, one route handler answering the same JSON). In each, every case and the bare \`GET /api/ping\` run in the same ${results.rounds} rounds of ${SLICE_SECONDS}-s slices (order reversed every other round), after ${WARMUP_SECONDS} s of warm-up each; ${results.connections} connections (autocannon).`,
    "Ratio = req/s of the case ÷ req/s of the bare route in the same rounds; rounds = the lowest and highest ratio of a single round. CPU = the server process's CPU time (/proc) ÷ its requests; over bare = minus the bare route's. Steps = median µs of AuthLab's `Server-Timing` over sequential requests.",
    "`bare-again` is the bare route measured as a case against itself: any ratio within its distance of 1 is indistinguishable from no cost at all on this machine. `iron-session` and `jose-hs256` are the same route in the bare app behind `getIronSession` alone and `jwtVerify` alone — what a user might write instead.",
    "",
    "| case | server | req/s | ratio to bare | rounds | CPU µs/req | over bare | target | p50 ms | p99 ms | server steps (median µs) |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |",
    ...rows,
    ...results.notRun.map((n) => `| ${n.name} | not run | | | | | | | | | ${n.reason} |`),
    "",
    `Bare route per configuration: ${bareRows.join("; ")}.`,
    "",
    "## Labs",
    "",
    labs
      ? `Creating a lab (\`POST /api/labs\`: a lab row, its two demo users, the signed cookie), ${labs.creation.count} times in a row on one connection: p50 ${labs.creation.p50Ms} ms, p99 ${labs.creation.p99Ms} ms, max ${labs.creation.maxMs} ms (target p50 < ${LAB_CREATION_P50_TARGET_MS} ms: ${labs.creation.p50Ms < LAB_CREATION_P50_TARGET_MS ? "met" : "**missed**"}). With those ${labs.creation.count} labs live, the session case (\`session-sqlite-${LABS}-labs\` above) reads ratio ${labs.withMany.ratio} and ${signed(labs.withMany.cpuOverBareUs)} µs CPU over bare, against ${labs.withOne.ratio} and ${signed(labs.withOne.cpuOverBareUs)} µs with one: ${labs.verdict}.`
      : "Not run.",
    "",
    "## Session lookup as the store grows",
    "",
    `Median \`session-lookup\` step (the session and its user in one query) over ${GROWTH_SAMPLES} sequential requests, the server's own timing, ORM included; target: flat within ±${GROWTH_TOLERANCE * 100} % from 1k to 1M live sessions.`,
    `"Bare index lookup" is the same primary-key SELECT sent directly (better-sqlite3 / pg, no ORM, no HTTP) for ${RAW_LOOKUPS} random existing sessions: the part that could grow with the table.`,
    "",
    "| store | live sessions | session-lookup step µs | bare index lookup µs |",
    "| --- | ---: | ---: | ---: |",
    ...results.sessionGrowth.map((g) => `| ${g.store} | ${g.liveSessions.toLocaleString("en")} | ${g.sessionLookupUs} | ${g.indexLookupUs} |`),
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
  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    loadAverage: os.loadavg().map((l) => round2(l)),
    seconds: SECONDS,
    rounds: Math.max(2, Math.round(SECONDS / SLICE_SECONDS)),
    connections: CONNECTIONS,
    cases: [],
    bareRuns: [],
    notRun: [],
    labs: null,
    sessionGrowth: [],
    growthVerdicts: [],
    lastBare: null,
  };
  const sessionIn = (store) => (info) => (info.sessionStore === store ? null : `the server does not keep sessions in ${store} (GET /api/lab/instance says "${info.sessionStore}")`);
  const denylistIn = (store) => (info) => (info.denylistStore === store ? null : `the server does not keep the denylist in ${store} (GET /api/lab/instance says "${info.denylistStore}")`);

  const bare = await startBare();
  try {
    await configuration(
      results,
      bare,
      "sqlite",
      {},
      [
        { name: "unauthenticated", mode: "none", route: "/api/ping" },
        { name: "jwt-hs256", mode: "jwt" },
        { name: "session-sqlite", mode: "session", expect: sessionIn("database") },
      ],
      {
        bareCases: [bare.cases.again, bare.cases.jose, bare.cases.iron],
        // Then, on the same server: creating LABS labs, and the session case again with them all live.
        after: async (server, _lab, cases) => {
          const sessionCase = cases.find((c) => c.name === "session-sqlite");
          if (!wanted("labs") || !sessionCase) return;
          const creation = await labCreation(server.base);
          log(`creating a lab: p50 ${creation.p50Ms} ms, p99 ${creation.p99Ms} ms, max ${creation.maxMs} ms over ${creation.count} (target p50 < ${LAB_CREATION_P50_TARGET_MS} ms)`);
          const name = `session-sqlite-${LABS}-labs`;
          const measured = await rounds(bare.cases.ping, [{ ...sessionCase, name }]);
          results.lastBare = measured.bare;
          results.bareRuns.push({ configuration: `sqlite, ${LABS} labs live`, ...measured.bare });
          const many = record(results, "sqlite", { name, note: `the session-sqlite case again, with ${LABS} more labs live` }, measured.cases[0], await serverTiming(sessionCase.url, sessionCase.headers), { store: server.info.sessionStore });
          const one = results.cases.find((c) => c.name === "session-sqlite");
          const floor = results.cases.find((c) => c.name === "bare-again");
          // "No worse" within the resolution of this run: the widest round-to-round spread of either
          // measurement, or how far the bare route strayed from itself, whichever is larger.
          const tolerance = round2(Math.max(one.spread[1] - one.spread[0], many.spread[1] - many.spread[0], floor ? Math.abs(1 - floor.ratio) : 0));
          const noWorse = many.ratio >= one.ratio - tolerance;
          results.labs = { creation, withOne: one, withMany: many, tolerance, noWorse, verdict: noWorse ? `no worse (within this run's resolution of ${tolerance})` : `**worse** by more than this run's resolution of ${tolerance}` };
        },
      },
    );
    if (wanted("postgres")) {
      if (pgProblem) results.notRun.push({ name: "session-postgres", reason: `PostgreSQL not reachable at ${PG_SERVER} (${pgProblem})` });
      else await withPostgres((url) => configuration(results, bare, "postgres", { DATABASE_URL: url }, [{ name: "session-postgres", mode: "session", expect: sessionIn("database") }]));
    }
    if (wanted("redis")) {
      if (!hasRedis) {
        results.notRun.push({ name: "session-redis", reason: `Redis not reachable at ${REDIS_URL}` }, { name: "jwt-denylist-redis", reason: `Redis not reachable at ${REDIS_URL}` });
      } else {
        // Keys under a prefix of this run's own, deleted afterwards: the Redis may be shared.
        const REDIS_KEY_PREFIX = `authlab-bench-${randomBytes(4).toString("hex")}:`;
        try {
          await configuration(results, bare, "redis", { REDIS_URL, REDIS_KEY_PREFIX, SESSION_STORE: "redis", DENYLIST_STORE: "redis", JWT_DENYLIST: "true" }, [
            { name: "session-redis", mode: "session", expect: sessionIn("redis") },
            { name: "jwt-denylist-redis", mode: "jwt", expect: denylistIn("redis") },
          ]);
        } finally {
          await deleteRedisKeys(REDIS_URL, REDIS_KEY_PREFIX);
        }
      }
    }
    await configuration(results, bare, "es256", { JWT_ALG: "ES256" }, [{ name: "jwt-es256", mode: "jwt" }]);
    await configuration(results, bare, "eddsa", { JWT_ALG: "EdDSA" }, [{ name: "jwt-eddsa", mode: "jwt" }]);
  } finally {
    await bare.stop();
  }

  if (wanted("growth")) {
    results.sessionGrowth.push(...(await sessionGrowth("sqlite", {}, sqliteInsert, sqliteRawLookup)));
    if (!pgProblem) results.sessionGrowth.push(...(await withPostgres((url) => sessionGrowth("postgres", { DATABASE_URL: url }, postgresInsert, postgresRawLookup))));
  }
  for (const store of new Set(results.sessionGrowth.map((g) => g.store))) {
    const rows = results.sessionGrowth.filter((g) => g.store === store);
    const first = rows[0].sessionLookupUs;
    const worst = Math.max(...rows.map((r) => Math.abs(r.sessionLookupUs - first) / first));
    results.growthVerdicts.push(`${store}: ${worst <= GROWTH_TOLERANCE ? "flat" : "not flat"} — at most ${Math.round(worst * 100)} % away from the 1k figure (target ±${GROWTH_TOLERANCE * 100} %)`);
  }

  const json = { ...results };
  delete json.lastBare;
  const md = markdown(results);
  console.log(`\n${md}`);
  if (PROFILE_DIR) log(`CPU profiles in ${path.relative(ROOT, PROFILE_DIR)}: node scripts/profile-summary.mjs <file>`);
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
