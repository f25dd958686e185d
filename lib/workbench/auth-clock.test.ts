import { describe, expect, it } from "vitest";
import { authNowMs, readAuthClock } from "./auth-clock";

const RECEIVED = Date.UTC(2026, 11, 1, 12, 0, 0);

describe("readAuthClock: the demo clock, or none", () => {
  it("an enabled clock 15 min ahead gives a 15 min skew", () => {
    const body = { enabled: true, offsetMs: 900_000, now: new Date(RECEIVED + 900_000).toISOString(), realNow: new Date(RECEIVED).toISOString() };
    const clock = readAuthClock(200, body, RECEIVED);
    expect(clock).toEqual({ offsetMs: 900_000, skewMs: 900_000 });
    if (clock) expect(authNowMs(clock, RECEIVED + 1000)).toBe(RECEIVED + 901_000);
  });

  it.each([
    ["a disabled clock", 200, { enabled: false, offsetMs: 0, now: new Date(RECEIVED).toISOString() }],
    ["a 403", 403, { error: { code: "FORBIDDEN" } }],
    ["a network failure", 0, null],
    ["a 200 that is not JSON", 200, "<html>"],
    ["a malformed now", 200, { enabled: true, offsetMs: 0, now: "yesterday" }],
    ["a non-numeric offset", 200, { enabled: true, offsetMs: "15m", now: new Date(RECEIVED).toISOString() }],
  ])("%s means no demo clock", (_name, status, body) => {
    expect(readAuthClock(status, body, RECEIVED)).toBeNull();
  });
});
