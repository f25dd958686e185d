import { describe, expect, it } from "vitest";
import { median, parseServerTiming, percentile, StepTimings } from "./measure-stats";

describe("percentile", () => {
  it("uses the nearest rank, whatever the input order", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 10)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
  });

  it("is 0 for no samples rather than NaN", () => {
    expect(percentile([], 99)).toBe(0);
  });
});

describe("parseServerTiming", () => {
  it("reads this app's header: names without the index prefix, durations in µs", () => {
    const header = '0-read-credential;dur=0.004;desc="Read the __Host-session cookie", 1-unseal;dur=0.321;desc="Unseal the cookie (iron-session)", 2-session-lookup;dur=0.250;desc="Look the session up, in the store (1 store)"';
    expect(parseServerTiming(header)).toEqual([
      { name: "read-credential", us: 4 },
      { name: "unseal", us: 321 },
      { name: "session-lookup", us: 250 },
    ]);
  });

  it("ignores what it does not understand", () => {
    expect(parseServerTiming(null)).toEqual([]);
    expect(parseServerTiming("cache;desc=hit, db;dur=abc")).toEqual([]);
  });
});

describe("StepTimings", () => {
  it("keeps the median per step over many responses", () => {
    const t = new StepTimings();
    for (const us of [100, 300, 200]) t.add(`0-jwt-verify;dur=${(us / 1000).toFixed(3)};desc="Verify"`);
    t.add(null);
    expect(t.medians()).toEqual({ "jwt-verify": 200 });
  });
});
