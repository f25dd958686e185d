import { describe, expect, it } from "vitest";
import { isScenarioSlug, SCENARIO_SLUGS, SCENARIOS, scenarioInfo } from "./catalog";

describe("scenario catalog", () => {
  it("lists the nine scenarios once each, numbered in order", () => {
    expect(SCENARIOS.map((s) => s.slug)).toEqual([...SCENARIO_SLUGS]);
    expect(SCENARIOS.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("explains each scenario in exactly two sentences", () => {
    for (const s of SCENARIOS) {
      // A sentence ends with . ! or ? followed by a space or the end (not the dots inside 127.0.0.1).
      const sentences = s.summary.split(/(?<=[.!?])\s+(?=[A-Z“])/);
      expect(sentences, s.slug).toHaveLength(2);
      expect(s.summary.trim().endsWith(".")).toBe(true);
    }
  });

  it("says how every scenario leaves the demo", () => {
    for (const s of SCENARIOS) expect(s.leaves.length, s.slug).toBeGreaterThan(10);
  });

  it("recognises slugs and refuses anything else", () => {
    expect(isScenarioSlug("csrf")).toBe(true);
    expect(isScenarioSlug("../admin")).toBe(false);
    expect(scenarioInfo("expiry").title).toBe("Expiry");
    expect(() => scenarioInfo("nope" as never)).toThrow(/Unknown scenario/);
  });
});
