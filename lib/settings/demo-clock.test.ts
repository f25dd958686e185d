import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appEnv, resetAppEnvForTests } from "../config/env";
import { authNow, defaultSettings } from "./settings";

/** process.env without Next's read-only NODE_ENV typing. */
const env = process.env as Record<string, string | undefined>;
const VARS = ["NODE_ENV", "DEMO_CLOCK"] as const;
let saved: Record<string, string | undefined>;

function withEnv(values: Partial<Record<(typeof VARS)[number], string>>) {
  for (const name of VARS) delete env[name];
  Object.assign(env, values);
  resetAppEnvForTests();
}

describe("the demo clock (on for local demo runs, off by default in production)", () => {
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

  it("moves the auth clock by the stored offset when on", () => {
    withEnv({ NODE_ENV: "development" });
    const settings = { ...defaultSettings(), demoClockOffsetMs: 3_600_000 };
    expect(authNow(settings)).toBe(Date.parse("2026-11-23T11:00:00Z"));
  });

  it("ignores a stored offset when off, so a leftover setting cannot move a production server's clock", () => {
    withEnv({ NODE_ENV: "production" });
    const settings = { ...defaultSettings(), demoClockOffsetMs: 3_600_000 };
    expect(authNow(settings)).toBe(Date.parse("2026-11-23T10:00:00Z"));
  });
});
