import "server-only";
import { appEnv } from "../config/env";
import { getPrisma } from "../db/client";
import { ApiError, StoreUnavailableError } from "../errors";
import { storeOp } from "../stores/store-errors";
import type { StoreKind } from "../stores/types";
import { settingsSchema, type Settings, type SettingsPatch } from "./schema";

/**
 * Cached this long so a busy instance does not read settings on every request; another instance's
 * change reaches this one within the same bound. Writes on this instance apply at once.
 */
const CACHE_MS = 1000;

// On globalThis so that the proxy's bundle and the route handlers' bundle share one cache: a write
// through the API must be seen by the proxy at once, not after the cache expires.
const shared = globalThis as typeof globalThis & { __authlabSettings?: { value: Settings; loadedAt: number } };

export function defaultSettings(): Settings {
  const d = appEnv().defaults;
  return { ...d, jwtStorage: "cookie", demoClockOffsetMs: 0 };
}

async function load(): Promise<Settings> {
  const rows = await storeOp("database", () => getPrisma().setting.findMany());
  const merged: Record<string, unknown> = { ...defaultSettings() };
  for (const row of rows) {
    try {
      merged[row.key] = JSON.parse(row.value);
    } catch {
      // A corrupt row falls back to the default rather than breaking every request.
    }
  }
  const parsed = settingsSchema.safeParse(merged);
  const settings = parsed.success ? parsed.data : defaultSettings();
  // Chosen on an instance (or a run) that had Redis, read on one without: use this server's default.
  if (!availableSessionStores().includes(settings.sessionStore)) settings.sessionStore = appEnv().defaults.sessionStore;
  return settings;
}

/** The session stores this server can switch between: Redis only when REDIS_URL is set. */
export function availableSessionStores(): StoreKind[] {
  return appEnv().redisUrl ? ["memory", "database", "redis"] : ["memory", "database"];
}

/**
 * The settings in force. With the database unreachable, the last settings this instance read stay
 * in force (retried every second) so that what needs no database keeps working — JWT verification,
 * sessions in Redis — with the same denylist setting as before. An instance that never read them
 * answers 503 instead of guessing: the defaults could turn off a denylist an admin turned on.
 */
export async function getSettings(): Promise<Settings> {
  const now = Date.now();
  const cached = shared.__authlabSettings;
  if (cached && now - cached.loadedAt <= CACHE_MS) return cached.value;
  try {
    const value = await load();
    shared.__authlabSettings = { value, loadedAt: now };
    return value;
  } catch (error) {
    if (!(error instanceof StoreUnavailableError) || !cached) throw error;
    shared.__authlabSettings = { value: cached.value, loadedAt: now };
    return cached.value;
  }
}

export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  if (patch.sessionStore && !availableSessionStores().includes(patch.sessionStore)) {
    throw new ApiError("STORE_NOT_CONFIGURED", { details: { sessionStore: patch.sessionStore, available: availableSessionStores() } });
  }
  const next = settingsSchema.parse({ ...(await getSettings()), ...patch });
  const db = getPrisma();
  await storeOp("database", () =>
    db.$transaction(
      Object.entries(patch).map(([key, value]) =>
        db.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: { value: JSON.stringify(value) } }),
      ),
    ),
  );
  shared.__authlabSettings = { value: next, loadedAt: Date.now() };
  return next;
}

export async function resetSettings(): Promise<Settings> {
  await storeOp("database", () => getPrisma().setting.deleteMany({}));
  shared.__authlabSettings = undefined;
  return getSettings();
}

/** The auth clock: real time plus the demo offset. Password hashing and rate limits never use it. */
export function authNow(settings: Settings): number {
  return Date.now() + (appEnv().demoClockEnabled ? settings.demoClockOffsetMs : 0);
}
