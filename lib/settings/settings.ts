import "server-only";
import { appEnv } from "../config/env";
import { ApiError, StoreUnavailableError } from "../errors";
import { serverSettingsStore } from "../stores/registry";
import type { StoreKind } from "../stores/types";
import { labSettingsSchema, serverSettingsSchema, type LabSettings, type ServerSettings, type ServerSettingsPatch } from "./schema";

/**
 * Cached this long so a busy instance does not read settings on every request; another instance's
 * change reaches this one within the same bound. Writes on this instance apply at once.
 */
export const SETTINGS_CACHE_MS = 1000;

/** A lab's settings before its admin changed anything: the environment's defaults. */
export function defaultLabSettings(): LabSettings {
  const d = appEnv().defaults;
  return {
    accessTtlSeconds: d.accessTtlSeconds,
    refreshTtlSeconds: d.refreshTtlSeconds,
    refreshIdleSeconds: d.refreshIdleSeconds,
    refreshGraceSeconds: d.refreshGraceSeconds,
    sessionIdleSeconds: d.sessionIdleSeconds,
    sessionAbsoluteSeconds: d.sessionAbsoluteSeconds,
    denylistEnabled: d.denylistEnabled,
    jwtStorage: "cookie",
    demoClockOffsetMs: 0,
    signingKeys: { generation: 0, retiring: [] },
    storeFault: false,
  };
}

/** A lab's stored settings (JSON) over the defaults; a corrupt or out-of-bounds value falls back to its default. */
export function parseLabSettings(json: string): LabSettings {
  const defaults = defaultLabSettings();
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) stored = parsed as Record<string, unknown>;
  } catch {
    // A corrupt row must not break every request of the lab.
  }
  const merged = labSettingsSchema.safeParse({ ...defaults, ...pick(stored, Object.keys(defaults)) });
  if (merged.success) return merged.data;
  // Keep what is valid key by key.
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(pick(stored, Object.keys(defaults)))) {
    if (labSettingsSchema.safeParse({ ...out, [key]: value }).success) out[key] = value;
  }
  return labSettingsSchema.parse(out);
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source).filter(([key]) => keys.includes(key)));
}

/** The session stores this server can switch between: Redis only when REDIS_URL is set. */
export function availableSessionStores(): StoreKind[] {
  return appEnv().redisUrl ? ["memory", "database", "redis"] : ["memory", "database"];
}

export function defaultServerSettings(): ServerSettings {
  return { sessionStore: appEnv().defaults.sessionStore };
}

// On globalThis so that the proxy's bundle and the route handlers' bundle share one cache.
const shared = globalThis as typeof globalThis & { __authlabServerSettings?: { value: ServerSettings; loadedAt: number } };

async function loadServerSettings(): Promise<ServerSettings> {
  const stored = await serverSettingsStore().readAll();
  const parsed = serverSettingsSchema.safeParse({ ...defaultServerSettings(), ...pick(stored, ["sessionStore"]) });
  const settings = parsed.success ? parsed.data : defaultServerSettings();
  // Chosen on an instance (or a run) that had Redis, read on one without: use this server's default.
  if (!availableSessionStores().includes(settings.sessionStore)) settings.sessionStore = appEnv().defaults.sessionStore;
  return settings;
}

/**
 * The server-wide settings in force. With the database unreachable, the last ones this instance
 * read stay in force (retried every second); an instance that never read them answers 503.
 */
export async function getServerSettings(): Promise<ServerSettings> {
  const now = Date.now();
  const cached = shared.__authlabServerSettings;
  if (cached && now - cached.loadedAt <= SETTINGS_CACHE_MS) return cached.value;
  try {
    const value = await loadServerSettings();
    shared.__authlabServerSettings = { value, loadedAt: now };
    return value;
  } catch (error) {
    if (!(error instanceof StoreUnavailableError) || !cached) throw error;
    shared.__authlabServerSettings = { value: cached.value, loadedAt: now };
    return cached.value;
  }
}

/** An operator's change (OPERATOR_TOKEN): applies to every lab. */
export async function updateServerSettings(patch: ServerSettingsPatch): Promise<ServerSettings> {
  if (patch.sessionStore && !availableSessionStores().includes(patch.sessionStore)) {
    throw new ApiError("STORE_NOT_CONFIGURED", { details: { sessionStore: patch.sessionStore, available: availableSessionStores() } });
  }
  const next = serverSettingsSchema.parse({ ...(await getServerSettings()), ...patch });
  await serverSettingsStore().write(patch);
  shared.__authlabServerSettings = { value: next, loadedAt: Date.now() };
  return next;
}

/** For tests that change the environment: forget what this process read. */
export function forgetServerSettings(): void {
  shared.__authlabServerSettings = undefined;
}
