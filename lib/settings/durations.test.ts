import { describe, expect, it } from "vitest";
import { formatDuration } from "./durations";

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [1, "1 s"],
    [59, "59 s"],
    [60, "1 min"],
    [90, "1 min 30 s"],
    [900, "15 min"],
    [960, "16 min"],
    [3600, "1 h"],
    [4500, "1 h 15 min"],
    [3601, "1 h"],
    [28_800, "8 h"],
    [86_400, "1 d"],
    [90_000, "1 d 1 h"],
    [30 * 86_400, "30 d"],
  ])("%i s reads as %s", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  it("never shows a negative duration", () => {
    expect(formatDuration(-5)).toBe("0 s");
  });
});
