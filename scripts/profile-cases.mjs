#!/usr/bin/env node
// node scripts/profile-cases.mjs — where each benchmark case's CPU goes, one case per server process.
//
// `npm run bench` measures the cases side by side; this says where the difference lives. For each
// case — the bare Next.js `/api/ping`, AuthLab's `/api/ping`, JWT and session on `/api/ping/protected`
// — it starts a fresh server (the bare app, or AuthLab's production build on SQLite) under
// `--cpu-prof`, sends PROFILE_SECONDS (default 10) of requests after a warm-up, stops it, and prints
// the server's busy CPU per request split by layer (AuthLab's code, Next.js, Node's HTTP and
// streams, async context, GC) with the difference to the bare route. Sequential, not interleaved:
// for attribution, not for the ratios (those are the bench's).
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { ROOT, ensureProductionBuild, migrate, startApp, startServerProcess, throwAwayServerEnv } from "./lib/app-process.mjs";
import { bareAppCommand, ensureBareApp } from "./lib/bare-next-app.mjs";
import { cpuBySource } from "./lib/cpu-profile.mjs";

const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const PORT = Number(process.env.PROFILE_PORT ?? 3950);
const ALICE = { email: "alice@example.com", password: "wonderland-demo" };
const workDir = path.join(os.tmpdir(), "authlab-profile-cases");
const profileDir = path.join(ROOT, "tmp/bench/case-profiles");

const run = (url, headers, duration) =>
  new Promise((resolve, reject) => autocannon({ url, headers, connections: 10, duration }, (err, result) => (err ? reject(err) : resolve(result))));

async function authlab(name) {
  const { env } = throwAwayServerEnv(workDir, name);
  migrate(env);
  return startApp({ port: PORT, host: "127.0.0.1", env, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] });
}

async function credentials(base, mode) {
  const created = await (await fetch(`${base}/api/labs`, { method: "POST" })).json();
  const lab = `${created.cookie.name}=${created.cookie.value}`;
  if (mode === "none") return { cookie: lab };
  const url = mode === "jwt" ? `${base}/api/auth/jwt/login?cookies=none` : `${base}/api/auth/session/login`;
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", cookie: lab }, body: JSON.stringify(ALICE) });
  if (!res.ok) throw new Error(`login ${mode}: ${res.status} ${await res.text()}`);
  if (mode === "jwt") return { cookie: lab, authorization: `Bearer ${(await res.json()).accessToken}` };
  const session = res.headers.getSetCookie().find((c) => c.startsWith("__Host-session="));
  return { cookie: `${lab}; ${session.split(";")[0]}` };
}

const CASES = [
  { name: "bare", start: async () => { ensureBareApp(undefined, { log: () => {} }); const { args, cwd } = bareAppCommand(undefined, PORT); return startServerProcess({ args: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--cpu-prof-name=bare.cpuprofile", ...args], cwd, port: PORT, env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } }); }, route: "/api/ping", mode: "none" },
  { name: "unauthenticated", start: () => authlab("unauthenticated"), route: "/api/ping", mode: "none" },
  { name: "jwt-hs256", start: () => authlab("jwt-hs256"), route: "/api/ping/protected", mode: "jwt" },
  { name: "session-sqlite", start: () => authlab("session-sqlite"), route: "/api/ping/protected", mode: "session" },
];

ensureProductionBuild({ log: (line) => console.log(`profile: ${line}`) });
rmSync(profileDir, { recursive: true, force: true });
mkdirSync(profileDir, { recursive: true });
const rows = [];
for (const c of CASES) {
  const server = await c.start();
  let requests = 0;
  try {
    const headers = c.name === "bare" ? {} : await credentials(server.url, c.mode);
    await run(`${server.url}${c.route}`, headers, Math.max(2, SECONDS / 3));
    const result = await run(`${server.url}${c.route}`, headers, SECONDS);
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${c.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    requests = result.requests.total;
  } finally {
    await server.stop();
  }
  const file = readdirSync(profileDir).find((f) => f === `${c.name}.cpuprofile`);
  if (!file) throw new Error(`${c.name}: no profile written`);
  // The measured slice is the last SECONDS of the profile; the warm-up and start-up before it are skipped.
  const profile = cpuBySource(JSON.parse(readFileSync(path.join(profileDir, file), "utf8")), { lastMs: SECONDS * 1000 });
  rows.push({ name: c.name, requests, profile });
  console.log(`profile: ${c.name}: ${requests} requests, ${(profile.busyUs / requests).toFixed(0)} µs busy per request`);
}

const layers = [...new Set(rows.flatMap((r) => [...r.profile.byLayer.keys()]))];
const bare = rows[0];
const perReq = (row, layer) => (row.profile.byLayer.get(layer) ?? 0) / row.requests;
console.log(`\nbusy CPU µs per request by layer (the last ${SECONDS} s of each server; in brackets: over bare)`);
console.log(`${"layer".padEnd(36)}${rows.map((r) => r.name.padStart(22)).join("")}`);
for (const layer of [...layers, "total"]) {
  const cells = rows.map((r) => {
    const us = layer === "total" ? r.profile.busyUs / r.requests : perReq(r, layer);
    const bareUs = layer === "total" ? bare.profile.busyUs / bare.requests : perReq(bare, layer);
    return (r === bare ? `${us.toFixed(0)}` : `${us.toFixed(0)} (${us - bareUs >= 0 ? "+" : ""}${(us - bareUs).toFixed(0)})`).padStart(22);
  });
  console.log(`${layer.padEnd(36)}${cells.join("")}`);
}
for (const row of rows.slice(1)) {
  console.log(`\n${row.name}: AuthLab's own source files, µs per request`);
  for (const [source, us] of [...row.profile.bySource].filter(([s]) => /^(lib|app|scripts)\/|proxy\.ts/.test(s)).sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`${(us / row.requests).toFixed(1).padStart(8)}  ${source}`);
  }
}
console.log(`\nprofiles in ${path.relative(ROOT, profileDir)}: node scripts/profile-summary.mjs <file>`);
