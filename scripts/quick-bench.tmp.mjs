import { spawn } from "node:child_process";
import autocannon from "autocannon";
import path from "node:path";
import { mkdirSync, rmSync } from "node:fs";
import { ROOT, migrate, startApp } from "/work/main/scripts/lib/app-process.mjs";
import { bareAppCommand, ensureBareApp } from "/work/main/scripts/lib/bare-next-app.mjs";
import { cpuMicros } from "/work/main/scripts/lib/process-cpu.mjs";

const bareDir = undefined;
ensureBareApp(bareDir);
const b = bareAppCommand(bareDir, 3950);
const bare = spawn(b.command, b.args, { cwd: b.cwd, stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
const dataDir = path.join(ROOT, "tmp/bench/quick"); rmSync(dataDir, { recursive: true, force: true }); mkdirSync(dataDir, { recursive: true });
const env = { ...process.env, DATABASE_URL: `file:${dataDir}/a.db`, AUTHLAB_DATA_DIR: dataDir, SESSION_PASSWORD: "x".repeat(40), JWT_SECRET: "y".repeat(40), SEED_DEMO_USERS: "true" };
migrate(env);
const app = await startApp({ port: 3951, host: "127.0.0.1", env, nodeArgs: process.env.PROF ? ["--cpu-prof", `--cpu-prof-dir=${dataDir}`] : [] });
for (let i = 0; i < 50; i++) { try { if ((await fetch("http://127.0.0.1:3950/api/ping")).ok) break; } catch {} await new Promise(r => setTimeout(r, 100)); }
const login = await fetch("http://127.0.0.1:3951/api/auth/jwt/login?cookies=none", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "alice@example.com", password: "wonderland-demo" }) });
const token = (await login.json()).accessToken;
const slogin = await fetch("http://127.0.0.1:3951/api/auth/session/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "alice@example.com", password: "wonderland-demo" }) });
const cookie = slogin.headers.getSetCookie()[0].split(";")[0];
const cannon = (url, headers, duration) => new Promise((res, rej) => autocannon({ url, headers, connections: 10, duration }, (e, r) => e ? rej(e) : res(r)));
const cases = [
  ["bare", "http://127.0.0.1:3950/api/ping", {}, bare.pid],
  ["ping", "http://127.0.0.1:3951/api/ping", {}, app.pid],
  ["jwt", "http://127.0.0.1:3951/api/ping/protected?mode=jwt", { authorization: `Bearer ${token}` }, app.pid],
  ["session", "http://127.0.0.1:3951/api/ping/protected?mode=session", { cookie }, app.pid],
  ...["parse", "verify", "ctx", "auth", "authnext", "w-parse", "w-auth"].map((v) => [v, `http://127.0.0.1:3951/api/exp?v=${v}`, { authorization: `Bearer ${token}` }, app.pid]),
];
const only = process.env.CASES ? process.env.CASES.split(",") : null;
if (only) cases.splice(0, cases.length, ...cases.filter(([n]) => only.includes(n)));
for (const [, url, h] of cases) await cannon(url, h, 5);
const acc = Object.fromEntries(cases.map(([n]) => [n, { req: 0, sec: 0, cpu: 0 }]));
const rounds = Number(process.env.ROUNDS ?? 6);
for (let r = 0; r < rounds; r++) for (const [n, url, h, pid] of (r % 2 ? [...cases].reverse() : cases)) {
  const c0 = cpuMicros(pid); const res = await cannon(url, h, 1); const c1 = cpuMicros(pid);
  if (res.non2xx) throw new Error(n + " non2xx");
  acc[n].req += res.requests.total; acc[n].sec += res.duration; acc[n].cpu += c1 - c0;
}
const bareRate = acc.bare ? acc.bare.req / acc.bare.sec : 1, bareCpu = acc.bare ? acc.bare.cpu / acc.bare.req : 0;
for (const [n] of cases) { const a = acc[n]; console.log(n.padEnd(8), Math.round(a.req / a.sec), "req/s", (a.req / a.sec / bareRate).toFixed(2), "cpu/req", Math.round(a.cpu / a.req), "µs  over bare", Math.round(a.cpu / a.req - bareCpu)); }
bare.kill(); await app.stop();
