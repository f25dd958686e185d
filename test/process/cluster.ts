// Real AuthLab processes for the process tests: the production build, started and stopped like an
// operator would, on a fresh SQLite file or a throw-away PostgreSQL database, with Redis under a
// fresh key prefix when asked.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createPostgresDatabase,
  deleteRedisKeys,
  dropPostgresDatabase,
  ensureProductionBuild,
  freePort,
  migrate,
  startApp,
  type AppProcess,
  type Env,
} from "../../scripts/lib/app-process.mjs";
import { testRedisPrefix } from "../redis";
import { PG_SERVER_URL, REDIS_TEST_URL, throwAwayDatabaseName } from "../services";

export type { Env };

/** The operator's token on every test instance. */
export const OPERATOR_TOKEN = "process-test-operator-token-0123456789abcdef";

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
 * What a group of instances shares: a fresh SQLite file or PostgreSQL database (migrated once),
 * and optionally Redis (REDIS_TEST_URL) under a key prefix of its own. `dispose` removes it all.
 */
export interface Backing {
  env: Env;
  dispose(): Promise<void>;
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
    RATE_LIMIT_REGISTRATIONS: "1000",
    OPERATOR_TOKEN: OPERATOR_TOKEN,
  };
}

/** Redis for sessions, the denylist and rate limits, under a prefix deleted by `dispose`. */
function withRedis(env: Env): { env: Env; dispose: () => Promise<void> } {
  const prefix = testRedisPrefix();
  return {
    env: { ...env, REDIS_URL: REDIS_TEST_URL, REDIS_KEY_PREFIX: prefix },
    dispose: () => deleteRedisKeys(REDIS_TEST_URL, prefix),
  };
}

/** Migrates `env`'s database, adds Redis when asked, and undoes it all (database, keys, `dir`) on dispose. */
function backing(dir: string, env: Env, options: { redis?: boolean }, dropDatabase: () => Promise<void>): Backing {
  migrate(env);
  const redis = options.redis ? withRedis(env) : undefined;
  return {
    env: redis?.env ?? env,
    dispose: async () => {
      await redis?.dispose();
      await dropDatabase();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function sqliteBacking(options: { redis?: boolean } = {}): Promise<Backing> {
  const dir = mkdtempSync(path.join(tmpdir(), "authlab-process-"));
  // The file lives in `dir`, which dispose removes.
  return backing(dir, { ...baseEnv(dir), DATABASE_URL: `file:${path.join(dir, "authlab.db")}` }, options, async () => undefined);
}

export async function postgresBacking(options: { redis?: boolean } = {}): Promise<Backing> {
  const dir = mkdtempSync(path.join(tmpdir(), "authlab-process-"));
  const name = throwAwayDatabaseName("inst_test");
  const url = await createPostgresDatabase(PG_SERVER_URL, name, { fresh: true });
  return backing(dir, { ...baseEnv(dir), DATABASE_URL: url }, options, () => dropPostgresDatabase(PG_SERVER_URL, name));
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

/** Starts A (which seeds the demo users) and then B on one backing, each knowing the other as its peer. */
export async function startPair(backing: Backing, env: Env = {}): Promise<[Instance, Instance]> {
  const [portA, portB] = [await testPort(), await testPort()];
  const a = await startInstance("inst-a", { ...backing.env, ...env, PEER_URLS: `http://127.0.0.1:${portB}` }, portA);
  try {
    const b = await startInstance("inst-b", { ...backing.env, ...env, PEER_URLS: `http://127.0.0.1:${portA}` }, portB);
    return [a, b];
  } catch (error) {
    await a.stop();
    throw error;
  }
}
