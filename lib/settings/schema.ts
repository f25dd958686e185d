import { z } from "zod";
import { STORE_KINDS } from "../stores/types";
import { SETTING_BOUNDS } from "./bounds";

function seconds(key: keyof typeof SETTING_BOUNDS) {
  return z.number().int().min(SETTING_BOUNDS[key].min).max(SETTING_BOUNDS[key].max);
}

export const JWT_STORAGES = ["cookie", "memory", "localStorage"] as const;
export type JwtStorage = (typeof JWT_STORAGES)[number];

/** The longest the demo clock may run ahead of real time. */
export const MAX_DEMO_CLOCK_OFFSET_MS = 365 * 86_400_000;

/** The most generations a lab's signing key may go through (kids stay short). */
export const MAX_LAB_KEY_GENERATION = 9999;

/**
 * A lab's own signing key (lib/auth/lab-keys.ts): generation 0 is the server's key; each rotation
 * moves to the next derived key, and the keys it replaced keep verifying until `retiresAt` (ms,
 * on the lab's auth clock) — by then every token they signed has expired.
 */
export const labSigningKeysSchema = z.strictObject({
  generation: z.number().int().min(0).max(MAX_LAB_KEY_GENERATION),
  retiring: z
    .array(z.strictObject({ generation: z.number().int().min(0).max(MAX_LAB_KEY_GENERATION), retiresAt: z.number().int().min(0) }))
    .max(4),
});
export type LabSigningKeys = z.infer<typeof labSigningKeysSchema>;

/**
 * A lab's runtime settings: what its own admin may change, seen by nobody outside the lab.
 * Defaults come from the environment (lib/config/env.ts). Stored as JSON in Lab.settings.
 */
export const labSettingsSchema = z.strictObject({
  /** Access token lifetime. */
  accessTtlSeconds: seconds("accessTtlSeconds"),
  /** Refresh family absolute lifetime: no refresh after this, however active. */
  refreshTtlSeconds: seconds("refreshTtlSeconds"),
  /** Refresh family idle lifetime: a refresh token unused this long has expired. */
  refreshIdleSeconds: seconds("refreshIdleSeconds"),
  /** A spent refresh token presented again within this window is a retry (the same successor), not theft. */
  refreshGraceSeconds: seconds("refreshGraceSeconds"),
  sessionIdleSeconds: seconds("sessionIdleSeconds"),
  sessionAbsoluteSeconds: seconds("sessionAbsoluteSeconds"),
  /** Check every access token's jti against the denylist: a store lookup per request. */
  denylistEnabled: z.boolean(),
  /** Where the lab's JWT pane keeps its access token. */
  jwtStorage: z.enum(JWT_STORAGES),
  /** How far this lab's demo clock is ahead of real time (the auth clock of every request in the lab). */
  demoClockOffsetMs: z.number().int().min(0).max(MAX_DEMO_CLOCK_OFFSET_MS),
  /** Which of the lab's signing keys signs, and which still verify (changed only by a rotation). */
  signingKeys: labSigningKeysSchema,
  /**
   * The outage switch: while on, this lab's session store and denylist store refuse every
   * operation as a store that refuses connections does (lib/stores/store-fault.ts). Changed only
   * through its own route (never in the shared default lab); a reset turns it off.
   */
  storeFault: z.boolean(),
});

/** Server-wide settings: an operator's choices (OPERATOR_TOKEN), never a lab's. */
export const serverSettingsSchema = z.strictObject({
  /**
   * Where new sessions are stored and looked up (SESSION_STORE by default). Switching moves
   * nothing: sessions stay in the store that issued them and get 401 elsewhere until switched back.
   */
  sessionStore: z.enum(STORE_KINDS),
});

export type LabSettings = z.infer<typeof labSettingsSchema>;
export type ServerSettings = z.infer<typeof serverSettingsSchema>;
/** What is in force for one request: its lab's settings and the server's. */
export type Settings = LabSettings & ServerSettings;

/**
 * What PATCH /api/settings may change: everything but the signing keys, which only a rotation
 * moves, and the outage switch, which has its own route (PUT /api/labs/current/store-fault).
 */
export const labSettingsPatchSchema = labSettingsSchema.omit({ signingKeys: true, storeFault: true }).partial();
export type LabSettingsPatch = z.infer<typeof labSettingsPatchSchema>;
export const serverSettingsPatchSchema = serverSettingsSchema.partial();
export type ServerSettingsPatch = z.infer<typeof serverSettingsPatchSchema>;

/** The full schema, for tests and fixtures that build one request's settings. */
export const settingsSchema = labSettingsSchema.extend(serverSettingsSchema.shape);
