#!/usr/bin/env node
// Starts the README's own command, `npm run dev`, for the dev-server end-to-end project: on
// E2E_DEV_PORT (default E2E_PORT+50) with a fresh SQLite file and data directory under tmp/, so it
// never touches ./data. The demo clock is on and the demo users are seeded, as for any local run.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.E2E_DEV_PORT ?? String(Number(process.env.E2E_PORT ?? 3100) + 50);
const dataDir = path.join(root, "tmp", `e2e-dev-${port}`);

rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

const dev = spawn("npm", ["run", "dev"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    DATABASE_URL: `file:${path.join(dataDir, "authlab.db")}`,
    AUTHLAB_DATA_DIR: dataDir,
    // The lessons log in from one address many times; the limiter has its own unit tests.
    RATE_LIMIT_IP_FAILURES: "1000",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => dev.kill(signal));
dev.on("exit", (code) => process.exit(code ?? 0));
