import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPgTestDb, type PgTestDb } from "@/test/pg-db";
import { postgresGate } from "@/test/services";
import { createTestDb, type TestDb } from "@/test/sqlite-db";
import { TcpProxy, targetOf, viaProxy } from "@/test/tcp-proxy";
import { resetAppEnvForTests } from "../config/env";

const shared = globalThis as typeof globalThis & Record<string, unknown>;

/** Fresh module state: no cached settings or labs, no process-wide client or stores, the environment read again. */
async function freshSettingsModule() {
  for (const key of ["__authlabServerSettings", "__authlabPrisma", "__authlabHotReads", "__authlabStores", "__authlabLabs", "__authlabMissingLabs"]) shared[key] = undefined;
  resetAppEnvForTests();
  vi.resetModules();
  // The error classes of the same fresh module graph, for instanceof checks.
  return { ...(await import("./settings")), labs: await import("../labs/lab-state"), labSettings: await import("../labs/lab-settings"), errors: await import("../errors") };
}

afterEach(() => {
  delete process.env.REDIS_URL;
  delete process.env.SESSION_STORE;
  vi.useRealTimers();
});

describe("the server-wide sessionStore setting (the operator's)", () => {
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
    expect((await settings.getServerSettings()).sessionStore).toBe("memory");
    expect(settings.availableSessionStores()).toEqual(["memory", "database"]);
    const refused = await settings.updateServerSettings({ sessionStore: "redis" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(settings.errors.ApiError);
    expect((refused as InstanceType<typeof settings.errors.ApiError>).code).toBe("STORE_NOT_CONFIGURED");
    expect((await settings.updateServerSettings({ sessionStore: "database" })).sessionStore).toBe("database");
    await testDb.reset();
  });

  it("a stored choice this server cannot honour (redis, chosen where REDIS_URL was set) reads as the server's default", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:6379/3";
    const withRedis = await freshSettingsModule();
    expect((await withRedis.updateServerSettings({ sessionStore: "redis" })).sessionStore).toBe("redis");

    delete process.env.REDIS_URL;
    const withoutRedis = await freshSettingsModule();
    expect((await withoutRedis.getServerSettings()).sessionStore).toBe("database");
    await testDb.reset();
  });
});

describe("a lab's stored settings", () => {
  it("fall back to the defaults for a corrupt document, and key by key for values out of bounds", async () => {
    const settings = await freshSettingsModule();
    const defaults = settings.defaultLabSettings();
    expect(settings.parseLabSettings("not json")).toEqual(defaults);
    expect(settings.parseLabSettings("[1,2]")).toEqual(defaults);
    expect(settings.parseLabSettings(JSON.stringify({ accessTtlSeconds: 1, denylistEnabled: true, sessionStore: "redis", unknown: 1 }))).toEqual({ ...defaults, denylistEnabled: true });
  });
});

const postgres = await postgresGate("settings.test");
describe.skipIf(postgres.skip)("a lab's settings while the database is unreachable (PostgreSQL behind a proxy)", () => {
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
    const m = await freshSettingsModule();
    const lab = await m.labs.labState("default");
    if (!lab) throw new Error("no default lab");
    await m.labSettings.updateLabSettings(lab, { denylistEnabled: true });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 5_000); // past the one-second cache
    await proxy.cut();
    expect((await m.labs.labState("default"))?.settings.denylistEnabled).toBe(true);

    await proxy.restore();
    await testDb.db.lab.update({ where: { id: "default" }, data: { settings: JSON.stringify({ denylistEnabled: false }) } });
    vi.setSystemTime(Date.now() + 5_000);
    await expect.poll(async () => (await m.labs.labState("default"))?.settings.denylistEnabled, { timeout: 10_000 }).toBe(false);
  });

  it("an instance that never read them answers 503 rather than guess: defaults could turn a denylist off", async () => {
    await testDb.db.lab.update({ where: { id: "default" }, data: { settings: JSON.stringify({ denylistEnabled: true }) } });
    const m = await freshSettingsModule();
    await proxy.cut();
    await expect(m.labs.labState("default")).rejects.toBeInstanceOf(m.errors.StoreUnavailableError);
    await proxy.restore();
  });
});
