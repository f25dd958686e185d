import { describe, expect, it } from "vitest";
import { activityPlan, MAX_ACTIVITY_ROUNDS } from "./activity-plan";

function walk(idle: number, absolute: number) {
  const plan = activityPlan(idle, absolute);
  if (!plan) return null;
  const times = Array.from({ length: plan.activeRounds }, (_, i) => (i + 1) * plan.jumpSeconds);
  const last = plan.activeRounds * plan.jumpSeconds + plan.finalJumpSeconds;
  return { plan, times, last };
}

describe("activityPlan: stay active until the absolute timeout", () => {
  it("with the defaults (30 min idle, 8 h absolute) every jump stays inside the idle window", () => {
    const w = walk(1800, 28_800)!;
    expect(w.plan.jumpSeconds).toBeLessThan(1800);
    expect(w.plan.finalJumpSeconds).toBe(990);
    expect(w.times.every((t) => t < 28_800)).toBe(true);
    expect(w.last).toBeGreaterThan(28_800);
    expect(w.plan.activeRounds).toBe(16);
  });

  it("works for short idle windows and when idle exceeds absolute", () => {
    for (const [idle, absolute] of [[10, 60], [120, 600], [1800, 600], [3600, 7200]] as const) {
      const w = walk(idle, absolute)!;
      expect(w.plan.jumpSeconds).toBeLessThan(idle + 1);
      expect(w.plan.finalJumpSeconds).toBeLessThan(idle);
      expect(w.times.every((t) => t < absolute)).toBe(true);
      expect(w.last).toBeGreaterThan(absolute);
    }
  });

  it("refuses a walk that would take more than the cap of rounds", () => {
    expect(activityPlan(10, 30 * 86_400)).toBeNull();
    expect(walk(1800, 1740 * (MAX_ACTIVITY_ROUNDS - 2))).not.toBeNull();
  });
});
