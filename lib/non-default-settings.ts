import type { Settings } from "./settings/schema";
import { formatDuration } from "./settings/durations";

/** One setting that is not at its default, worded for the header's badge. */
export interface SettingInForce {
  key: keyof Settings;
  /** Short: "Denylist on", "Access token 1 min". */
  text: string;
  /** What it would be by default: "15 min". */
  defaultText: string;
  /** Something is deliberately broken (the outage switch): shown in red, first. */
  alarm?: true;
}

const DURATION_WORDS: Partial<Record<keyof Settings, string>> = {
  accessTtlSeconds: "Access token",
  refreshTtlSeconds: "Refresh lifetime",
  refreshIdleSeconds: "Refresh idle",
  refreshGraceSeconds: "Refresh grace",
  sessionIdleSeconds: "Session idle",
  sessionAbsoluteSeconds: "Session absolute",
};

const STORAGE_WORDS: Record<Settings["jwtStorage"], string> = { cookie: "HttpOnly cookie", memory: "page memory", localStorage: "localStorage" };

/**
 * Every setting that differs from its default, in a fixed order, for the header to show while it is
 * in force (as it shows the demo clock). The demo clock itself has its own badge and is not listed.
 */
export function settingsInForce(settings: Settings, defaults: Settings): SettingInForce[] {
  const found: SettingInForce[] = [];
  if (settings.storeFault && !defaults.storeFault) found.push({ key: "storeFault", text: "Store outage on", defaultText: "off", alarm: true });
  if (settings.denylistEnabled !== defaults.denylistEnabled) {
    found.push({ key: "denylistEnabled", text: settings.denylistEnabled ? "Denylist on" : "Denylist off", defaultText: defaults.denylistEnabled ? "on" : "off" });
  }
  for (const [key, words] of Object.entries(DURATION_WORDS) as [keyof Settings, string][]) {
    const value = settings[key];
    const normal = defaults[key];
    if (typeof value === "number" && typeof normal === "number" && value !== normal) found.push({ key, text: `${words} ${formatDuration(value)}`, defaultText: formatDuration(normal) });
  }
  if (settings.jwtStorage !== defaults.jwtStorage) found.push({ key: "jwtStorage", text: `JWT in ${STORAGE_WORDS[settings.jwtStorage]}`, defaultText: STORAGE_WORDS[defaults.jwtStorage] });
  if (settings.signingKeys.generation !== defaults.signingKeys.generation) {
    found.push({ key: "signingKeys", text: `Lab signing key ${settings.signingKeys.generation}`, defaultText: "the server's key" });
  }
  if (settings.sessionStore !== defaults.sessionStore) found.push({ key: "sessionStore", text: `Sessions in ${settings.sessionStore}`, defaultText: defaults.sessionStore });
  return found;
}
