import { describe, expect, it } from "vitest";
import { settingsInForce } from "./non-default-settings";
import type { Settings } from "./settings/schema";

const DEFAULTS: Settings = {
  accessTtlSeconds: 900,
  refreshTtlSeconds: 2_592_000,
  refreshIdleSeconds: 604_800,
  refreshGraceSeconds: 10,
  sessionIdleSeconds: 1800,
  sessionAbsoluteSeconds: 28_800,
  denylistEnabled: false,
  jwtStorage: "cookie",
  sessionStore: "database",
  demoClockOffsetMs: 0,
  signingKeys: { generation: 0, retiring: [] },
  storeFault: false,
};

describe("the settings the header shows as in force", () => {
  it("shows a lab whose signing key was rotated", () => {
    expect(settingsInForce({ ...DEFAULTS, signingKeys: { generation: 2, retiring: [{ generation: 1, retiresAt: 5 }] } }, DEFAULTS)).toEqual([
      { key: "signingKeys", text: "Lab signing key 2", defaultText: "the server's key" },
    ]);
  });

  it("shows the lab's outage switch first, as an alarm", () => {
    expect(settingsInForce({ ...DEFAULTS, storeFault: true, denylistEnabled: true }, DEFAULTS)).toEqual([
      { key: "storeFault", text: "Store outage on", defaultText: "off", alarm: true },
      { key: "denylistEnabled", text: "Denylist on", defaultText: "off" },
    ]);
  });

  it("shows nothing while every setting is at its default", () => {
    expect(settingsInForce(DEFAULTS, DEFAULTS)).toEqual([]);
  });

  it("names each changed setting with its value and its default", () => {
    const changed = settingsInForce({ ...DEFAULTS, denylistEnabled: true, accessTtlSeconds: 60, jwtStorage: "localStorage", sessionStore: "memory" }, DEFAULTS);
    expect(changed).toEqual([
      { key: "denylistEnabled", text: "Denylist on", defaultText: "off" },
      { key: "accessTtlSeconds", text: "Access token 1 min", defaultText: "15 min" },
      { key: "jwtStorage", text: "JWT in localStorage", defaultText: "HttpOnly cookie" },
      { key: "sessionStore", text: "Sessions in memory", defaultText: "database" },
    ]);
  });

  it("leaves the demo clock to its own badge", () => {
    expect(settingsInForce({ ...DEFAULTS, demoClockOffsetMs: 60_000 }, DEFAULTS)).toEqual([]);
  });
});
