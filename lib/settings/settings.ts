import "server-only";
import { appEnv } from "../config/env";
import { getPrisma } from "../db/client";
import { storeOp } from "../stores/store-errors";
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
  return parsed.success ? parsed.data : defaultSettings();
}

export async function getSettings(): Promise<Settings> {
  const now = Date.now();
  const cached = shared.__authlabSettings;
  if (cached && now - cached.loadedAt <= CACHE_MS) return cached.value;
  const value = await load();
  shared.__authlabSettings = { value, loadedAt: now };
  return value;
}

export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
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
