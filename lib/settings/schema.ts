import { z } from "zod";
import { STORE_KINDS } from "../stores/types";
import { SETTING_BOUNDS } from "./bounds";

function seconds(key: keyof typeof SETTING_BOUNDS) {
  return z.number().int().min(SETTING_BOUNDS[key].min).max(SETTING_BOUNDS[key].max);
}

export const JWT_STORAGES = ["cookie", "memory", "localStorage"] as const;

/** Every runtime setting, its bounds and its meaning. Defaults come from the environment (lib/config/env.ts). */
export const settingsSchema = z.strictObject({
  /** Access token lifetime. */
  accessTtlSeconds: seconds("accessTtlSeconds"),
  /** Refresh family absolute lifetime: no refresh after this, however active. */
  refreshTtlSeconds: seconds("refreshTtlSeconds"),
  /** Refresh family idle lifetime: a refresh token unused this long has expired. */
  refreshIdleSeconds: seconds("refreshIdleSeconds"),
  /** A spent refresh token presented again within this window is a concurrent retry (409), not theft. */
  refreshGraceSeconds: seconds("refreshGraceSeconds"),
  sessionIdleSeconds: seconds("sessionIdleSeconds"),
  sessionAbsoluteSeconds: seconds("sessionAbsoluteSeconds"),
  /** Check every access token's jti against the denylist: a store lookup per request. */
  denylistEnabled: z.boolean(),
  /** Where the lab's JWT pane keeps its access token. */
  jwtStorage: z.enum(JWT_STORAGES),
  /**
   * Where new sessions are stored and looked up (SESSION_STORE by default). Switching moves
   * nothing: sessions stay in the store that issued them and get 401 elsewhere until switched back.
   */
  sessionStore: z.enum(STORE_KINDS),
  /** How far the demo clock is ahead of real time. Only honoured when DEMO_CLOCK is on. */
  demoClockOffsetMs: z.number().int().min(0).max(365 * 86_400_000),
});

export type Settings = z.infer<typeof settingsSchema>;
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
