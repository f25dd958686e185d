import { describe, expect, test } from "vitest";
import { decideRoleChange } from "./role-change-reaches-jwt";

describe("role-change-reaches-jwt: a token carrying the changed role", () => {
  test("promoted in the database and a token that says admin: solved", () => {
    expect(decideRoleChange({ verdict: { ok: true, claimRole: "admin", email: "alice@example.com" }, user: { role: "admin", startingRole: "user" } })).toMatchObject({ solved: true });
  });
  test("the old token after the change (says user, database says admin) is not solved", () => {
    expect(decideRoleChange({ verdict: { ok: true, claimRole: "user", email: "alice@example.com" }, user: { role: "admin", startingRole: "user" } })).toMatchObject({ solved: false, reason: expect.stringContaining("minted before the change") });
  });
  test("no change at all (the demo admin's own admin token) is not solved", () => {
    expect(decideRoleChange({ verdict: { ok: true, claimRole: "admin", email: "admin@example.com" }, user: { role: "admin", startingRole: "admin" } })).toMatchObject({ solved: false, reason: expect.stringContaining("started with") });
  });
  test("no token, a refused token, or a user who is gone is not solved", () => {
    expect(decideRoleChange({ verdict: { ok: false, code: "NO_TOKEN" }, user: null }).solved).toBe(false);
    expect(decideRoleChange({ verdict: { ok: false, code: "TOKEN_SIGNATURE_INVALID" }, user: null }).solved).toBe(false);
    expect(decideRoleChange({ verdict: { ok: true, claimRole: "admin", email: "x@example.com" }, user: null }).solved).toBe(false);
  });
});
