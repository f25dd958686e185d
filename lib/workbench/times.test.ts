import { describe, expect, it } from "vitest";
import { describeTime, formatRelative, readNumericDate } from "./times";

describe("times: NumericDates and how far away they are", () => {
  it.each([
    [0, "now"],
    [999, "now"],
    [14 * 60_000 + 20_000, "in 14 min 20 s"],
    [-(3 * 86_400_000 + 2 * 3_600_000 + 5000), "3 days 2 h ago"],
    [86_400_000, "in 1 day"],
    [5_000, "in 5 s"],
    [3_600_000 + 30_000, "in 1 h"],
  ])("formatRelative(%d) = %s", (ms, text) => {
    expect(formatRelative(ms)).toBe(text);
  });

  it("formats the far future without overflowing", () => {
    expect(formatRelative(1e15)).toMatch(/^in [\d,]+ years/);
  });

  it("describes a time in UTC, in a given locale and time zone, and against two clocks", () => {
    const ms = Date.UTC(2026, 11, 1, 12, 15, 0);
    const described = describeTime(ms, ms - 15 * 60_000, ms - 15 * 60_000 + 3_600_000, { locale: "en-GB", timeZone: "UTC" });
    expect(described.iso).toBe("2026-12-01T12:15:00Z");
    expect(described.local).toBe("1 Dec 2026, 12:15:00");
    expect(described.relativeToNow).toBe("in 15 min");
    expect(described.relativeToAuthClock).toBe("45 min ago");
    expect(describeTime(ms, ms, null).relativeToAuthClock).toBeNull();
  });

  it.each([
    [1_700_000_000, true],
    [1_700_000_000.5, true],
    ["1700000000", false],
    [null, false],
    [Number.NaN, false],
    [Infinity, false],
    [-1, false],
    [1e300, false],
    [253_402_300_800, false],
  ])("readNumericDate(%s) ok = %s", (value, ok) => {
    expect(readNumericDate(value).ok).toBe(ok);
  });
});
