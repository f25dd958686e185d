/**
 * Bounds of every numeric setting, in seconds. One source for the server's schema and for the
 * instructor's settings form, so the form's limits can never drift from what the server accepts.
 */
export const SETTING_BOUNDS = {
  accessTtlSeconds: { min: 5, max: 86_400 },
  refreshTtlSeconds: { min: 60, max: 365 * 86_400 },
  refreshIdleSeconds: { min: 60, max: 365 * 86_400 },
  refreshGraceSeconds: { min: 0, max: 300 },
  sessionIdleSeconds: { min: 10, max: 86_400 },
  sessionAbsoluteSeconds: { min: 60, max: 30 * 86_400 },
} as const;

export type DurationSettingKey = keyof typeof SETTING_BOUNDS;
