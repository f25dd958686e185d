// Real AuthLab processes for the process tests: the production build, started and stopped like an
// operator would, on a fresh SQLite file or a throw-away PostgreSQL database.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  DEFAULT_PG_SERVER,
  createPostgresDatabase,
  dropPostgresDatabase,
  ensureProductionBuild,
  freePort,
  migrate,
  postgresProblem,
  startApp,
  type AppProcess,
  type Env,
} from "../../scripts/lib/app-process.mjs";

export type { Env };

export const IN_CI = /^(1|true)$/i.test(process.env.CI ?? "");
export const PG_SERVER = process.env.PG_URL ?? DEFAULT_PG_SERVER;

/** Fixed test secrets: every instance and every restart must agree on them. */
const SECRETS = {
  SESSION_PASSWORD: "process-test-session-password-0123456789abcdef",
  JWT_SECRET: "process-test-jwt-secret-0123456789abcdefghijklmn",
};

let nextPort = Number(process.env.PROCESS_TEST_PORT_BASE ?? 0);

/** Ports from PROCESS_TEST_PORT_BASE upwards when set (shared machines), else whatever the OS says is free. */
export async function testPort(): Promise<number> {
  return nextPort > 0 ? nextPort++ : freePort();
}

/**
 * A shared backing store for a group of instances: a fresh SQLite file, or a fresh PostgreSQL
 * database (`authlab_inst_test_*`, dropped afterwards), migrated once.
 */
export interface Backing {
  env: Env;
  dispose(): Promise<void>;
}

export async function sqliteBacking(): Promise<Backing> {
  const dir = mkdtempSync(path.join(tmpdir(), "authlab-process-"));
  const env = { ...baseEnv(dir), DATABASE_URL: `file:${path.join(dir, "authlab.db")}` };
  migrate(env);
  return { env, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function postgresBacking(): Promise<Backing> {
  const dir = mkdtempSync(path.join(tmpdir(), "authlab-process-"));
  const name = `authlab_inst_test_${randomBytes(5).toString("hex")}`;
  const url = await createPostgresDatabase(PG_SERVER, name, { fresh: true });
  const env = { ...baseEnv(dir), DATABASE_URL: url };
  migrate(env);
  return {
    env,
    dispose: async () => {
      await dropPostgresDatabase(PG_SERVER, name);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function baseEnv(dataDir: string): Env {
  return {
    ...process.env,
    ...SECRETS,
    AUTHLAB_DATA_DIR: dataDir,
    SEED_DEMO_USERS: "true",
    DEMO_CLOCK: "on",
    // Many logins from 127.0.0.1 in a row; the limiter has its own unit tests.
    RATE_LIMIT_IP_FAILURES: "1000",
  };
}

export interface Instance extends AppProcess {
  id: string;
}

/** Starts one instance of the production build (which must exist: `npm run build`). */
export async function startInstance(id: string, env: Env, port?: number): Promise<Instance> {
  ensureProductionBuild({ build: false });
  const app = await startApp({ port: port ?? (await testPort()), host: "127.0.0.1", env: { ...env, INSTANCE_ID: id } });
  return Object.assign(app, { id });
}

/** Why the PostgreSQL-backed tests cannot run here, or null. In CI a missing server is a failure, not a skip. */
export async function postgresSkipReason(file: string): Promise<string | null> {
  const problem = await postgresProblem(PG_SERVER);
  if (problem === null) return null;
  if (IN_CI) return null; // the suite's beforeAll fails loudly instead
  console.warn(
    `[${file}] NOT RUN: the PostgreSQL-backed process tests (no server at ${PG_SERVER}: ${problem}).\n` +
      `  To run them: start PostgreSQL (README "Running with PostgreSQL and Redis"), or set PG_URL, then: npm run test:process`,
  );
  return problem;
}

export async function assertPostgres(): Promise<void> {
  const problem = await postgresProblem(PG_SERVER);
  if (problem !== null) throw new Error(`CI=true but PostgreSQL at ${PG_SERVER} is unreachable: ${problem}`);
}
