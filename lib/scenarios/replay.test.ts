import { describe, expect, it } from "vitest";
import { remainingMs, replayOutcome } from "./replay";

describe("replayOutcome", () => {
  it("reads the inner answer: status, code, store queries and expiry", () => {
    const outcome = replayOutcome({
      status: 200,
      body: {
        credential: "access",
        request: { method: "GET", path: "/api/me?mode=jwt", sends: "Authorization: Bearer …" },
        status: 200,
        durationMs: 3,
        body: { user: { role: "user" }, credential: { expiresAt: "2030-01-01T00:15:00.000Z" }, trace: { storeQueries: 0, startedAt: "2030-01-01T00:00:00.000Z" } },
      },
    });
    expect(outcome).toMatchObject({ status: 200, storeQueries: 0, expiresAt: "2030-01-01T00:15:00.000Z", role: "user", request: { path: "/api/me?mode=jwt" } });
    expect(outcome.code).toBeUndefined();
  });

  it("reads a refusal's error code", () => {
    const outcome = replayOutcome({ status: 200, body: { credential: "session", request: { method: "GET", path: "/x", sends: "c" }, status: 401, durationMs: 1, body: { error: { code: "SESSION_NOT_FOUND", message: "m" }, trace: { storeQueries: 1, startedAt: "x" } } } });
    expect(outcome).toMatchObject({ status: 401, code: "SESSION_NOT_FOUND", storeQueries: 1 });
  });

  it("when the replay itself failed, reports that instead of inventing an answer", () => {
    expect(replayOutcome({ status: 404, code: "NOT_FOUND", body: { error: { code: "NOT_FOUND" } } })).toEqual({ status: 404, code: "NOT_FOUND" });
    expect(replayOutcome({ status: 0, code: "NETWORK_ERROR", body: null })).toEqual({ status: 0, code: "NETWORK_ERROR" });
  });
});

describe("remainingMs", () => {
  it("measures on the auth clock: server real time plus the demo offset", () => {
    expect(remainingMs("2030-01-01T00:15:00.000Z", "2030-01-01T00:00:00.000Z", 0)).toBe(900_000);
    expect(remainingMs("2030-01-01T00:15:00.000Z", "2030-01-01T00:00:00.000Z", 600_000)).toBe(300_000);
  });
});
