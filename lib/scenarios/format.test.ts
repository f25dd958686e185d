import { describe, expect, it } from "vitest";
import { formatCountdown, formatDuration, storeQueries } from "./format";

describe("format", () => {
  it("counts down in mm:ss, with hours when needed, never below zero", () => {
    expect(formatCountdown(899_999)).toBe("14:59");
    expect(formatCountdown(60_000)).toBe("01:00");
    expect(formatCountdown(3_725_000)).toBe("1:02:05");
    expect(formatCountdown(-5_000)).toBe("00:00");
  });

  it("says durations in words", () => {
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(960)).toBe("16 min");
    expect(formatDuration(915)).toBe("15 min 15 s");
    expect(formatDuration(28_860)).toBe("8 h 1 min");
    expect(formatDuration(7200)).toBe("2 h");
    expect(formatDuration(7 * 86_400)).toBe("7 d");
    expect(formatDuration(30 * 86_400 + 7200)).toBe("30 d 2 h");
  });
});

describe("storeQueries", () => {
  it("agrees in number", () => {
    expect(storeQueries(0)).toBe("0 store queries");
    expect(storeQueries(1)).toBe("1 store query");
    expect(storeQueries(2)).toBe("2 store queries");
    expect(storeQueries(undefined)).toBe("? store queries");
  });
});
