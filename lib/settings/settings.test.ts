import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPgTestDb, type PgTestDb } from "@/test/pg-db";
import { postgresGate } from "@/test/services";
import { createTestDb, type TestDb } from "@/test/sqlite-db";
import { TcpProxy, targetOf, viaProxy } from "@/test/tcp-proxy";
import { resetAppEnvForTests } from "../config/env";

const shared = globalThis as typeof globalThis & { __authlabSettings?: unknown; __authlabPrisma?: unknown };

/** Fresh module state: no cached settings, no process-wide client, the environment read again. */
async function freshSettingsModule() {
  shared.__authlabSettings = undefined;
  shared.__authlabPrisma = undefined;
  resetAppEnvForTests();
  vi.resetModules();
  // The error classes of the same fresh module graph, for instanceof checks.
  return { ...(await import("./settings")), errors: await import("../errors") };
}

afterEach(() => {
  delete process.env.REDIS_URL;
  delete process.env.SESSION_STORE;
  vi.useRealTimers();
});

describe("the sessionStore setting", () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(async () => {
    await testDb.close();
  });

  it("defaults to SESSION_STORE, and refuses redis on a server without REDIS_URL (409 STORE_NOT_CONFIGURED)", async () => {
    process.env.SESSION_STORE = "memory";
    const settings = await freshSettingsModule();
    expect((await settings.getSettings()).sessionStore).toBe("memory");
    expect(settings.availableSessionStores()).toEqual(["memory", "database"]);
    const refused = await settings.updateSettings({ sessionStore: "redis" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(settings.errors.ApiError);
    expect((refused as InstanceType<typeof settings.errors.ApiError>).code).toBe("STORE_NOT_CONFIGURED");
    expect((await settings.updateSettings({ sessionStore: "database" })).sessionStore).toBe("database");
    await settings.resetSettings();
  });

  it("a stored choice this server cannot honour (redis, chosen where REDIS_URL was set) reads as the server's default", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:6379/3";
    const withRedis = await freshSettingsModule();
    expect((await withRedis.updateSettings({ sessionStore: "redis" })).sessionStore).toBe("redis");

    delete process.env.REDIS_URL;
    const withoutRedis = await freshSettingsModule();
    expect((await withoutRedis.getSettings()).sessionStore).toBe("database");
    await withoutRedis.resetSettings();
  });
});

const postgres = await postgresGate("settings.test");
describe.skipIf(postgres.skip)("settings while the database is unreachable (PostgreSQL behind a proxy)", () => {
  let testDb: PgTestDb;
  let proxy: TcpProxy;
  let previousUrl: string | undefined;
  beforeAll(async () => {
    postgres.require();
    testDb = await createPgTestDb();
    proxy = await TcpProxy.start(targetOf(testDb.url));
    previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = viaProxy(testDb.url, proxy);
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await proxy?.close();
    await testDb?.close();
  });

  it("keeps the last settings it read (so JWTs keep verifying with the same denylist setting), then reads again once the database is back", async () => {
    const settings = await freshSettingsModule();
    await settings.updateSettings({ denylistEnabled: true });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 5_000); // past the one-second cache
    await proxy.cut();
    expect((await settings.getSettings()).denylistEnabled).toBe(true);

    await proxy.restore();
    await testDb.db.setting.update({ where: { key: "denylistEnabled" }, data: { value: "false" } });
    vi.setSystemTime(Date.now() + 5_000);
    await expect.poll(async () => (await settings.getSettings()).denylistEnabled, { timeout: 10_000 }).toBe(false);
  });

  it("an instance that never read them answers 503 rather than guess: defaults could turn a denylist off", async () => {
    await testDb.db.setting.upsert({ where: { key: "denylistEnabled" }, create: { key: "denylistEnabled", value: "true" }, update: { value: "true" } });
    const settings = await freshSettingsModule();
    await proxy.cut();
    await expect(settings.getSettings()).rejects.toBeInstanceOf(settings.errors.StoreUnavailableError);
    await proxy.restore();
  });
});
