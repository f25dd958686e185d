import { describe, expect, test } from "vitest";
import { ACCESS_AFTER_LOGOUT_ANSWER, decideAccessAfterLogout, type AccessAfterLogoutFacts } from "./access-after-logout";

const issuedAtMs = Date.parse("2026-12-02T10:00:00Z");
const accepted: AccessAfterLogoutFacts = {
  verdict: { ok: true, email: "alice@example.com", issuedAtMs },
  families: [{ revokedAt: new Date(issuedAtMs + 60_000), revokeReason: "LOGOUT_ALL" }],
};

describe("access-after-logout: a token still accepted after its user logged out", () => {
  test("accepted now, and a logout of its user after it was issued: solved with the right answer", () => {
    expect(decideAccessAfterLogout(accepted, ACCESS_AFTER_LOGOUT_ANSWER)).toMatchObject({ solved: true, saw: expect.stringContaining("LOGOUT_ALL") });
    expect(decideAccessAfterLogout({ ...accepted, families: [{ revokedAt: new Date(issuedAtMs + 1), revokeReason: "LOGOUT" }] }, ACCESS_AFTER_LOGOUT_ANSWER).solved).toBe(true);
  });
  test("no logout since the token was issued (none at all, or only before it) is not solved", () => {
    expect(decideAccessAfterLogout({ ...accepted, families: [] }, ACCESS_AFTER_LOGOUT_ANSWER)).toMatchObject({ solved: false, reason: expect.stringContaining("has not logged out") });
    expect(decideAccessAfterLogout({ ...accepted, families: [{ revokedAt: new Date(issuedAtMs - 1000), revokeReason: "LOGOUT" }] }, ACCESS_AFTER_LOGOUT_ANSWER).solved).toBe(false);
    expect(decideAccessAfterLogout({ ...accepted, families: [{ revokedAt: null, revokeReason: null }] }, ACCESS_AFTER_LOGOUT_ANSWER).solved).toBe(false);
  });
  test("a revocation that was not the user's logout (reuse detected, admin) does not count", () => {
    expect(decideAccessAfterLogout({ ...accepted, families: [{ revokedAt: new Date(issuedAtMs + 5000), revokeReason: "REUSE_DETECTED" }] }, ACCESS_AFTER_LOGOUT_ANSWER).solved).toBe(false);
  });
  test("a token the server refuses (denylisted, made up) is not solved", () => {
    expect(decideAccessAfterLogout({ ...accepted, verdict: { ok: false, code: "TOKEN_REVOKED" } }, ACCESS_AFTER_LOGOUT_ANSWER)).toMatchObject({ solved: false, reason: expect.stringContaining("denylist") });
    expect(decideAccessAfterLogout({ ...accepted, verdict: { ok: false, code: "TOKEN_MALFORMED" } }, ACCESS_AFTER_LOGOUT_ANSWER).solved).toBe(false);
  });
  test("the wrong explanation of the session cookie is not solved", () => {
    expect(decideAccessAfterLogout(accepted, "cookie-deleted").solved).toBe(false);
  });
});
