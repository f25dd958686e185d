/**
 * JWT times are NumericDates (RFC 7519 §2): seconds since 1970-01-01 UTC, as a JSON number. A token
 * can say anything there — a string, a negative number, 1e300 — so each is checked before it
 * becomes a Date (JavaScript dates end at ±8.64e15 ms, year 275760).
 */
export const TIME_CLAIMS = ["exp", "nbf", "iat"] as const;
export type TimeClaim = (typeof TIME_CLAIMS)[number];

/** Past the year 9999 no issuer means what it says: such a value is an attack or a bug. */
export const LATEST_SENSIBLE_SECONDS = 253_402_300_799; // 9999-12-31T23:59:59Z

export type NumericDate =
  | { ok: true; seconds: number; ms: number }
  | { ok: false; problem: "not-a-number" | "not-finite" | "out-of-range" | "negative"; message: string };

export function readNumericDate(value: unknown): NumericDate {
  if (typeof value !== "number") return { ok: false, problem: "not-a-number", message: `a NumericDate must be a JSON number of seconds, this is ${value === null ? "null" : typeof value === "object" ? "an object" : `a ${typeof value}`}` };
  if (!Number.isFinite(value)) return { ok: false, problem: "not-finite", message: "not a finite number" };
  if (value < 0) return { ok: false, problem: "negative", message: "before 1970: no real token was issued then" };
  if (value > LATEST_SENSIBLE_SECONDS) return { ok: false, problem: "out-of-range", message: `${value.toExponential(2)} seconds is after the year 9999` };
  return { ok: true, seconds: value, ms: value * 1000 };
}

const UNITS: readonly (readonly [string, number])[] = [
  ["year", 365.25 * 86_400_000],
  ["day", 86_400_000],
  ["h", 3_600_000],
  ["min", 60_000],
  ["s", 1000],
];

function amount(count: number, unit: string): string {
  const plural = (unit === "year" || unit === "day") && count !== 1 ? "s" : "";
  return `${count.toLocaleString("en")} ${unit}${plural}`;
}

/** "in 14 min 20 s", "3 days 2 h ago", "now": the two largest units, as precise as a reader wants. */
export function formatRelative(deltaMs: number): string {
  const abs = Math.abs(deltaMs);
  if (abs < 1000) return "now";
  const first = UNITS.findIndex(([, size]) => abs >= size);
  const [unit, size] = UNITS[first] ?? ["s", 1000];
  const count = Math.floor(abs / size);
  const pieces = [amount(count, unit)];
  const next = UNITS[first + 1];
  if (next) {
    const rest = Math.floor((abs - count * size) / next[1]);
    if (rest > 0) pieces.push(amount(rest, next[0]));
  }
  return deltaMs > 0 ? `in ${pieces.join(" ")}` : `${pieces.join(" ")} ago`;
}

export interface TimeDescription {
  /** UTC, ISO 8601, to the second. */
  iso: string;
  /** The reader's local time (their browser's locale and time zone unless given). */
  local: string;
  relativeToNow: string;
  /** Relative to AuthLab's auth clock when the demo clock moves it; null otherwise. */
  relativeToAuthClock: string | null;
}

export function describeTime(ms: number, nowMs: number, authNowMs: number | null, format: { locale?: string; timeZone?: string } = {}): TimeDescription {
  const date = new Date(ms);
  return {
    iso: date.toISOString().replace(/\.\d{3}Z$/, "Z"),
    local: date.toLocaleString(format.locale, { dateStyle: "medium", timeStyle: "medium", ...(format.timeZone ? { timeZone: format.timeZone } : {}) }),
    relativeToNow: formatRelative(ms - nowMs),
    relativeToAuthClock: authNowMs === null ? null : formatRelative(ms - authNowMs),
  };
}
