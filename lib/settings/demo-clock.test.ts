import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appEnv, resetAppEnvForTests } from "../config/env";
import { labNow } from "../labs/request-lab";
import type { LabState } from "../labs/lab-state";
import { defaultLabSettings } from "./settings";

function lab(id: string, demoClockOffsetMs: number): LabState {
  const now = new Date();
  return { id, isDefault: id === "default", createdAt: now, lastSeenAt: now, expiresAt: now, settings: { ...defaultLabSettings(), demoClockOffsetMs }, loadedAt: now.getTime() };
}

/** process.env without Next's read-only NODE_ENV typing. */
const env = process.env as Record<string, string | undefined>;
const VARS = ["NODE_ENV", "DEMO_CLOCK"] as const;
let saved: Record<string, string | undefined>;

function withEnv(values: Partial<Record<(typeof VARS)[number], string>>) {
  for (const name of VARS) delete env[name];
  Object.assign(env, values);
  resetAppEnvForTests();
}

describe("the demo clock: every visitor's lab has its own; the shared default lab's only where DEMO_CLOCK is on (local runs)", () => {
  beforeEach(() => {
    saved = Object.fromEntries(VARS.map((name) => [name, env[name]]));
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-23T10:00:00Z"));
  });

  afterEach(() => {
    for (const name of VARS) {
      if (saved[name] === undefined) delete env[name];
      else env[name] = saved[name];
    }
    resetAppEnvForTests();
    vi.useRealTimers();
  });

  it("is on by default outside production", () => {
    withEnv({ NODE_ENV: "development" });
    expect(appEnv().demoClockEnabled).toBe(true);
  });

  it("is off by default when NODE_ENV=production", () => {
    withEnv({ NODE_ENV: "production" });
    expect(appEnv().demoClockEnabled).toBe(false);
  });

  it("can be turned on in a production build explicitly (DEMO_CLOCK=on), as the e2e server does", () => {
    withEnv({ NODE_ENV: "production", DEMO_CLOCK: "on" });
    expect(appEnv().demoClockEnabled).toBe(true);
  });

  it("moves a visitor's lab's auth clock by its offset, in production too (it touches only that lab)", () => {
    withEnv({ NODE_ENV: "production" });
    expect(labNow(lab("k3m4n5p6q7", 3_600_000))).toBe(Date.parse("2026-11-23T11:00:00Z"));
  });

  it("moves the default lab's clock when DEMO_CLOCK is on", () => {
    withEnv({ NODE_ENV: "development" });
    expect(labNow(lab("default", 3_600_000))).toBe(Date.parse("2026-11-23T11:00:00Z"));
  });

  it("ignores the default lab's stored offset when DEMO_CLOCK is off, so a leftover setting cannot move a shared production clock", () => {
    withEnv({ NODE_ENV: "production" });
    expect(labNow(lab("default", 3_600_000))).toBe(Date.parse("2026-11-23T10:00:00Z"));
  });
});
