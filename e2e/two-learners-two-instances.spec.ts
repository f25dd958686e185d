// The class, hosted the way it scales: two production instances (`npm start`, NODE_ENV=production,
// no demo-clock or other lesson setting) sharing PostgreSQL and Redis (sessions, denylist, rate
// limits). One learner works on instance A, the other on instance B, at the same time.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPostgresDatabase, deleteRedisKeys, dropPostgresDatabase, ensureProductionBuild, freePort, migrate, startApp, type AppProcess } from "../scripts/lib/app-process.mjs";
import { PG_SERVER_URL, postgresGate, redisGate, REDIS_TEST_URL, throwAwayDatabaseName, type ServiceGate } from "../test/services";
import { expect, test } from "./fixtures/test";
import { labSettings, newLearner, runEveryScenario, runTheTour } from "./fixtures/two-learners";

test.describe.configure({ mode: "serial" });

const gates: ServiceGate[] = [];
let instances: AppProcess[] = [];
let dispose: () => Promise<void> = async () => undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  gates.push(await postgresGate("two-learners-two-instances.spec"), await redisGate("two-learners-two-instances.spec"));
  const missing = gates.filter((g) => g.skip);
  test.skip(missing.length > 0, `needs ${missing.map((g) => g.name).join(" and ")} (see the printed message for how to run it)`);
  for (const gate of gates) gate.require();
  ensureProductionBuild({ build: false });

  const dir = mkdtempSync(path.join(tmpdir(), "authlab-two-instances-"));
  const database = throwAwayDatabaseName("two_learners");
  const prefix = `authlab-e2e-class-${randomBytes(5).toString("hex")}:`;
  const env = {
    ...process.env,
    DATABASE_URL: await createPostgresDatabase(PG_SERVER_URL, database, { fresh: true }),
    REDIS_URL: REDIS_TEST_URL,
    REDIS_KEY_PREFIX: prefix,
    SESSION_STORE: "redis",
    DENYLIST_STORE: "redis",
    RATE_LIMIT_STORE: "redis",
    AUTHLAB_DATA_DIR: dir,
    SESSION_PASSWORD: "two-instances-session-password-0123456789abcdef",
    JWT_SECRET: "two-instances-jwt-secret-0123456789abcdefghijklm",
    SEED_DEMO_USERS: "true",
  };
  // Only what a hosted deployment sets: no DEMO_CLOCK, no test-sized limits.
  for (const name of ["DEMO_CLOCK", "RATE_LIMIT_IP_FAILURES", "RATE_LIMIT_REGISTRATIONS", "LAB_CREATE_PER_ADDRESS", "PEER_URLS", "VERIFIER_URL"]) delete env[name as keyof typeof env];
  dispose = async () => {
    await deleteRedisKeys(REDIS_TEST_URL, prefix);
    await dropPostgresDatabase(PG_SERVER_URL, database);
    rmSync(dir, { recursive: true, force: true });
  };
  migrate(env);
  const [portA, portB] = [await freePort(), await freePort()];
  instances.push(await startApp({ port: portA, host: "127.0.0.1", env: { ...env, INSTANCE_ID: "class-a" } }));
  instances.push(await startApp({ port: portB, host: "127.0.0.1", env: { ...env, INSTANCE_ID: "class-b" } }));
});

test.afterAll(async () => {
  for (const instance of instances) await instance.stop();
  instances = [];
  await dispose();
});

test("two learners on two production instances (PostgreSQL + Redis): the tour on A, every scenario on B, neither sees the other", async ({ browser }) => {
  test.setTimeout(300_000);
  const [a, b] = instances as [AppProcess, AppProcess];
  const tourist = await newLearner(browser, a.url);
  const tester = await newLearner(browser, b.url);
  expect(tourist.labId).not.toBe(tester.labId);
  try {
    await Promise.all([runTheTour(tourist.page), runEveryScenario(tester.page)]);
    expect(await labSettings(tourist.page)).toMatchObject({ labId: tourist.labId, denylistEnabled: true });
    expect(await labSettings(tester.page)).toMatchObject({ labId: tester.labId, offsetMs: 0, denylistEnabled: false });

    // One lab on both instances: the tourist's clock, moved on A, is in force on B within the
    // settings' one-second cache — and the tourist's credentials work there too (shared stores).
    const clockOn = async (url: string) => ((await (await tourist.page.request.get(`${url}/api/demo/clock`)).json()) as { offsetMs: number; labId: string });
    const advanced = await tourist.page.request.post(`${a.url}/api/demo/clock`, { data: { advanceSeconds: 120 } });
    expect(advanced.status()).toBe(200);
    const offsetOnA = (await clockOn(a.url)).offsetMs;
    await expect.poll(async () => (await clockOn(b.url)).offsetMs, { timeout: 3_000 }).toBe(offsetOnA);
    expect((await clockOn(b.url)).labId).toBe(tourist.labId);
    // Meanwhile the tester's lab, on either instance, still runs on real time.
    const testerClock = async (url: string) => ((await (await tester.page.request.get(`${url}/api/demo/clock`)).json()) as { offsetMs: number }).offsetMs;
    expect(await testerClock(a.url)).toBe(0);
    expect(await testerClock(b.url)).toBe(0);
  } finally {
    await tourist.context.close();
    await tester.context.close();
  }
});
