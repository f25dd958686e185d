#!/usr/bin/env node
// Starts the production build for the end-to-end suite on a fresh SQLite file with fixed test
// secrets, the demo clock on and the demo users seeded, plus what the lab talks to beside it: the
// second service (E2E_PORT+1500) and a second instance of the app on the same database
// (E2E_PORT+1600, listed in PEER_URLS). `npm run build` must have run first.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.E2E_PORT ?? "3100";
const dataDir = path.join(root, "tmp", `e2e-${port}`);
const verifierPort = String(Number(port) + 1500);
const peerPort = String(Number(port) + 1600);

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("e2e-server: no production build found; run `npm run build` first (npm test does).");
  process.exit(1);
}

rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const env = {
  ...process.env,
  NODE_ENV: "production",
  PORT: port,
  DATABASE_URL: `file:${path.join(dataDir, "authlab.db")}`,
  AUTHLAB_DATA_DIR: dataDir,
  // Test-only secrets: fixed so that a restart mid-suite keeps credentials valid.
  SESSION_PASSWORD: "e2e-session-password-0123456789abcdefghijkl",
  JWT_SECRET: "e2e-jwt-secret-0123456789abcdefghijklmnopqrstuv",
  OPERATOR_TOKEN: "e2e-operator-token-0123456789abcdefghijklmnop",
  // Every browser context of the suite creates a lab from 127.0.0.1.
  LAB_CREATE_PER_ADDRESS: "100000",
  RATE_LIMIT_REGISTRATIONS: "100000",
  RATE_LIMIT_MEASUREMENTS: "1000",
  DEMO_CLOCK: "on",
  // Every spec logs in from 127.0.0.1; the per-IP budget is sized for the suite (unit tests cover the limiter).
  RATE_LIMIT_IP_FAILURES: "1000",
  SEED_DEMO_USERS: "true",
  INSTANCE_ID: process.env.INSTANCE_ID ?? `e2e-${port}`,
  // The second service (no database, no store) runs beside the app for the lab's relay.
  VERIFIER_URL: `http://127.0.0.1:${verifierPort}`,
  // The other instance the lab may relay a credential to (same database, same secrets).
  PEER_URLS: `http://127.0.0.1:${peerPort}`,
};
const peerEnv = { ...env, PORT: peerPort, INSTANCE_ID: `e2e-peer-${peerPort}`, PEER_URLS: "", SEED_DEMO_USERS: "false" };

const migrate = spawnSync(process.execPath, [path.join(root, "scripts/db-migrate.mjs")], { cwd: root, env, stdio: "inherit" });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const serverEntry = path.join(root, "scripts/server.mjs");
const next = spawn(process.execPath, [serverEntry, "--port", port], { cwd: root, env, stdio: "inherit" });
const peer = spawn(process.execPath, [serverEntry, "--port", peerPort], { cwd: root, env: peerEnv, stdio: "inherit" });
const verifier = spawn(process.execPath, [path.join(root, "scripts/verifier-service.mjs")], {
  cwd: root,
  env: { ...process.env, VERIFIER_PORT: verifierPort, JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => {
  verifier.kill(signal);
  peer.kill(signal);
  next.kill(signal);
});
next.on("exit", (code) => {
  verifier.kill();
  peer.kill();
  process.exit(code ?? 0);
});
