#!/usr/bin/env node
// `npm run db:migrate`: bring the database named by DATABASE_URL up to date before the app starts.
//
// Runs the project's own Prisma CLI (`prisma migrate deploy`, which only applies committed
// migrations and never generates or resets anything) through prisma.config.ts, so the schema
// twin and migrations folder follow the DATABASE_URL scheme. Quiet on success (one line), the
// CLI's full output on failure.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaCli = path.join(path.dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build/index.js");

const givenUrl = process.env.DATABASE_URL?.trim() || "file:./data/authlab.db";
const isPostgres = /^postgres(ql)?:\/\//i.test(givenUrl);
// lib/db/client.ts opens a relative SQLite path relative to the working directory; make the CLI
// (which runs from the project root) migrate that same file.
const url = isPostgres || path.isAbsolute(givenUrl.slice("file:".length))
  ? givenUrl
  : `file:${path.resolve(givenUrl.slice("file:".length))}`;
// Never print a password that may be in the URL.
const shownUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

const child = spawn(process.execPath, [prismaCli, "migrate", "deploy"], {
  cwd: projectRoot, // where prisma.config.ts is found
  stdio: ["ignore", "pipe", "pipe"],
  // No update check or telemetry call: it needs the internet and only slows the start-up.
  env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
// One buffer for both streams, in arrival order, to replay the CLI's output as it printed it.
let output = "";
child.stdout.on("data", (chunk) => (output += chunk));
child.stderr.on("data", (chunk) => (output += chunk));
const [code, signal] = await new Promise((resolve, reject) => {
  child.on("error", reject);
  child.on("close", (...result) => resolve(result));
});

if (code !== 0) {
  process.stderr.write(output);
  process.stderr.write(`\ndb:migrate: prisma migrate deploy failed for ${shownUrl} (${signal ?? `exit ${code}`}).\n`);
  process.exit(code || 1);
}

const applied = [...output.matchAll(/└─ ([^/\s]+)\//g)].map((match) => match[1]);
console.log(
  applied.length > 0
    ? `db:migrate: applied ${applied.length} migration(s) to ${shownUrl}: ${applied.join(", ")}`
    : `db:migrate: ${shownUrl} is up to date, no pending migrations.`,
);
