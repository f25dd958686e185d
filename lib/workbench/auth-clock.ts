import { isJsonObject } from "./json";

/**
 * AuthLab's auth clock, as `GET /api/demo/clock` reports it: real time plus the demo offset the
 * instructor set. The server judges exp and nbf by this clock, so the workbench shows times against
 * it too. Anything but a well-formed 200 with the demo clock enabled means "no demo clock": the
 * page then compares with this device's clock only.
 */
export interface AuthClock {
  offsetMs: number;
  /** Server auth time minus this device's time when the answer arrived (offset plus any clock drift). */
  skewMs: number;
}

export function readAuthClock(status: number, body: unknown, receivedAtMs: number): AuthClock | null {
  if (status !== 200 || !isJsonObject(body)) return null;
  const { enabled, offsetMs, now } = body;
  if (enabled !== true || typeof offsetMs !== "number" || !Number.isFinite(offsetMs) || typeof now !== "string") return null;
  const serverNowMs = Date.parse(now);
  if (!Number.isFinite(serverNowMs)) return null;
  return { offsetMs, skewMs: serverNowMs - receivedAtMs };
}

/** The auth clock's "now" at a given device time. */
export function authNowMs(clock: AuthClock, deviceNowMs: number): number {
  return deviceNowMs + clock.skewMs;
}
