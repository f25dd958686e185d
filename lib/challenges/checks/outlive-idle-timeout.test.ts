import { describe, expect, test } from "vitest";
import { decideOutliveIdleTimeout } from "./outlive-idle-timeout";

const now = Date.parse("2026-12-02T12:00:00Z");
const idle = 1800;

describe("outlive-idle-timeout: a valid session older than the idle timeout", () => {
  test("valid and 45 min old against a 30 min idle timeout: solved", () => {
    expect(decideOutliveIdleTimeout({ session: { ok: true, createdAtMs: now - 45 * 60_000 }, nowMs: now, sessionIdleSeconds: idle })).toMatchObject({ solved: true, saw: expect.stringContaining("45 min old") });
  });
  test("valid but younger than (or exactly) the idle timeout is not solved", () => {
    expect(decideOutliveIdleTimeout({ session: { ok: true, createdAtMs: now - 15 * 60_000 }, nowMs: now, sessionIdleSeconds: idle })).toMatchObject({ solved: false, reason: expect.stringContaining("15 min old") });
    expect(decideOutliveIdleTimeout({ session: { ok: true, createdAtMs: now - idle * 1000 }, nowMs: now, sessionIdleSeconds: idle }).solved).toBe(false);
  });
  test("a session that timed out, or no session at all, is not solved", () => {
    expect(decideOutliveIdleTimeout({ session: { ok: false, code: "SESSION_IDLE_TIMEOUT" }, nowMs: now, sessionIdleSeconds: idle })).toMatchObject({ solved: false, reason: expect.stringContaining("idle for too long") });
    expect(decideOutliveIdleTimeout({ session: { ok: false, code: "UNAUTHENTICATED" }, nowMs: now, sessionIdleSeconds: idle })).toMatchObject({ solved: false, reason: expect.stringContaining("no session cookie") });
  });
});
