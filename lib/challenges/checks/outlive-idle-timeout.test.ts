import { describe, expect, test } from "vitest";
import { decideOutliveIdleTimeout } from "./outlive-idle-timeout";

const now = Date.parse("2026-12-02T12:00:00Z");
const idle = 1800;
/** A session created `ageMin` ago that last slid `slidMin` ago, under a window of `windowS` seconds. */
const live = (ageMin: number, slidMin = 0, windowS = idle) => ({ ok: true as const, createdAtMs: now - ageMin * 60_000, lastSeenAtMs: now - slidMin * 60_000, idleExpiresAtMs: now - slidMin * 60_000 + windowS * 1000 });

describe("outlive-idle-timeout: a valid session older than the idle timeout", () => {
  test("valid and 45 min old against a 30 min idle timeout: solved", () => {
    expect(decideOutliveIdleTimeout({ session: live(45, 5), nowMs: now, sessionIdleSeconds: idle })).toMatchObject({ solved: true, saw: expect.stringContaining("45 min old") });
  });
  test("valid but younger than (or exactly) the idle timeout is not solved", () => {
    expect(decideOutliveIdleTimeout({ session: live(15, 5), nowMs: now, sessionIdleSeconds: idle })).toMatchObject({ solved: false, reason: expect.stringContaining("15 min old") });
    expect(decideOutliveIdleTimeout({ session: live(idle / 60, 1), nowMs: now, sessionIdleSeconds: idle }).solved).toBe(false);
  });
  test("lowering the idle setting after login does not solve it: the session still lives under the window it was issued with", () => {
    // Issued with 30 min, never slid, 11 s old; the lab's setting now says 10 s.
    const unslid = { ok: true as const, createdAtMs: now - 11_000, lastSeenAtMs: now - 11_000, idleExpiresAtMs: now - 11_000 + idle * 1000 };
    expect(decideOutliveIdleTimeout({ session: unslid, nowMs: now, sessionIdleSeconds: 10 })).toMatchObject({ solved: false, reason: expect.stringContaining("30 min") });
  });
  test("a session that timed out, or no session at all, is not solved", () => {
    expect(decideOutliveIdleTimeout({ session: { ok: false, code: "SESSION_IDLE_TIMEOUT" }, nowMs: now, sessionIdleSeconds: idle })).toMatchObject({ solved: false, reason: expect.stringContaining("idle for too long") });
    expect(decideOutliveIdleTimeout({ session: { ok: false, code: "UNAUTHENTICATED" }, nowMs: now, sessionIdleSeconds: idle })).toMatchObject({ solved: false, reason: expect.stringContaining("no session cookie") });
  });
});
