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

let cache: { value: Settings; loadedAt: number } | undefined;

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
  if (!cache || now - cache.loadedAt > CACHE_MS) {
    cache = { value: await load(), loadedAt: now };
  }
  return cache.value;
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
  cache = { value: next, loadedAt: Date.now() };
  return next;
}

export async function resetSettings(): Promise<Settings> {
  await storeOp("database", () => getPrisma().setting.deleteMany({}));
  cache = undefined;
  return getSettings();
}

/** The auth clock: real time plus the demo offset. Password hashing and rate limits never use it. */
export function authNow(settings: Settings): number {
  return Date.now() + (appEnv().demoClockEnabled ? settings.demoClockOffsetMs : 0);
}
