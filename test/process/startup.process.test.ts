// A bad configuration stops the process before it listens (docs/SECURITY.md "Start-up"): the
// production build started the documented way (`npm start` → scripts/server.mjs), watched from
// outside. While it runs, the test keeps trying its port; not one connection may succeed.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ensureProductionBuild, migrate, reachable, ROOT, SERVER_ENTRY, type Env } from "../../scripts/lib/app-process.mjs";
import { testPort } from "./cluster";

const STRONG = "a-strong-secret-of-at-least-32-characters-0123";

interface Outcome {
  code: number | null;
  output: string;
  /** Connections the port accepted while the process was alive. */
  accepted: number;
}

let dir: string;
let baseEnv: Env;

beforeAll(() => {
  ensureProductionBuild({ build: false });
  dir = mkdtempSync(path.join(tmpdir(), "authlab-startup-"));
  baseEnv = { ...process.env, NODE_ENV: "production", AUTHLAB_DATA_DIR: dir, DATABASE_URL: `file:${path.join(dir, "authlab.db")}`, SESSION_PASSWORD: STRONG, JWT_SECRET: STRONG };
  for (const name of ["REDIS_URL", "SESSION_STORE", "DENYLIST_STORE", "RATE_LIMIT_STORE", "TRUSTED_PROXY_HOPS"]) delete baseEnv[name];
  migrate(baseEnv);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Starts the server entry with `env` and probes its port every 25 ms until it exits (or 30 s pass). */
async function start(env: Env, args: string[] = []): Promise<Outcome> {
  const port = await testPort();
  const child = spawn(process.execPath, [SERVER_ENTRY, "--port", String(port), "--hostname", "127.0.0.1", ...args], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  let alive = true;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => ((alive = false), resolve(code))));
  const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  let accepted = 0;
  while (alive) {
    if (await reachable("127.0.0.1", port, 100)) accepted++;
    await new Promise((r) => setTimeout(r, 25));
  }
  clearTimeout(killer);
  return { code: await exited, output, accepted };
}

describe("start-up: a bad production configuration exits non-zero and never listens", () => {
  test.each([
    ["no SESSION_PASSWORD", { SESSION_PASSWORD: undefined }, /SESSION_PASSWORD is required when NODE_ENV=production/],
    ["a 5-character SESSION_PASSWORD", { SESSION_PASSWORD: "short" }, /SESSION_PASSWORD must be at least 32 characters/],
    ["no JWT_SECRET", { JWT_SECRET: undefined }, /JWT_SECRET is required when NODE_ENV=production/],
    ["a 5-character JWT_SECRET", { JWT_SECRET: "short" }, /JWT_SECRET must be at least 32 characters/],
    ["a Redis store without REDIS_URL", { SESSION_STORE: "redis" }, /SESSION_STORE=redis needs REDIS_URL/],
    ["TRUSTED_PROXY_HOPS that is not a number", { TRUSTED_PROXY_HOPS: "all" }, /TRUSTED_PROXY_HOPS must be a whole number/],
    ["a 32-character SESSION_PASSWORD of one repeated character", { SESSION_PASSWORD: "a".repeat(32) }, /SESSION_PASSWORD is not random enough/],
    ["a TRUSTED_ORIGINS entry that is not an origin", { TRUSTED_ORIGINS: "null" }, /TRUSTED_ORIGINS/],
    ["a database that does not answer", { DATABASE_URL: "postgresql://postgres@127.0.0.1:9/authlab" }, /the database did not answer within 15 s at start-up/],
  ])("regression: %s", async (_label, overrides, message) => {
    const outcome = await start({ ...baseEnv, ...overrides });
    expect(outcome.code, outcome.output).toBe(1);
    expect(outcome.output).toMatch(message);
    expect(outcome.output).not.toMatch(/ready on/);
    expect(outcome.accepted).toBe(0);
  });

  test("`next start` on its own (bypassing the server entry) refuses to serve", async () => {
    const port = await testPort();
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: ROOT, env: baseEnv as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stderr.on("data", (c) => (output += c));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/start the app with `npm start` or `npm run dev`/);
  });

  test("the same configuration with valid secrets does start (the checks above can pass)", async () => {
    const port = await testPort();
    const child = spawn(process.execPath, [SERVER_ENTRY, "--port", String(port), "--hostname", "127.0.0.1"], { cwd: ROOT, env: baseEnv as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    try {
      let output = "";
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready in 30 s:\n${output}`)), 30_000);
        child.stdout.on("data", (c) => {
          output += c;
          if (output.includes("ready on")) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const ping = await fetch(`http://127.0.0.1:${port}/api/ping`);
      expect(ping.status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  });
});
