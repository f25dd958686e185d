import { describe, expect, test } from "vitest";
import { decideForgedAdmin, FORGED_ADMIN_ANSWER, type ForgedAdminFacts } from "./forged-admin";

const forged: ForgedAdminFacts = { labId: "lab1", payload: { role: "admin", lab: "lab1", sub: "u1" }, verdict: { ok: false, code: "TOKEN_SIGNATURE_INVALID" }, subjectRole: "user" };

describe("forged-admin: solved only by a forgery the server itself refuses, with the right reason", () => {
  test("an admin payload whose signature the lab's keys refuse, and the signature as the reason: solved", () => {
    expect(decideForgedAdmin(forged, FORGED_ADMIN_ANSWER)).toMatchObject({ solved: true });
    expect(decideForgedAdmin({ ...forged, verdict: { ok: false, code: "TOKEN_ALG_NOT_ALLOWED" } }, FORGED_ADMIN_ANSWER).solved).toBe(true);
    expect(decideForgedAdmin({ ...forged, verdict: { ok: false, code: "TOKEN_KEY_UNKNOWN" } }, FORGED_ADMIN_ANSWER).solved).toBe(true);
  });
  test("a token the server accepts (a real admin's) is no forgery", () => {
    expect(decideForgedAdmin({ ...forged, verdict: { ok: true } }, FORGED_ADMIN_ANSWER)).toMatchObject({ solved: false, reason: expect.stringContaining("accepts this token") });
  });
  test("the real admin's token, altered so that it is refused, forges nothing; nor does a token of nobody in the lab", () => {
    expect(decideForgedAdmin({ ...forged, subjectRole: "admin" }, FORGED_ADMIN_ANSWER)).toMatchObject({ solved: false, reason: expect.stringContaining("admin already") });
    expect(decideForgedAdmin({ ...forged, subjectRole: null }, FORGED_ADMIN_ANSWER)).toMatchObject({ solved: false, reason: expect.stringContaining("no user of this lab") });
  });
  test("a forgery that still says role user does not count", () => {
    expect(decideForgedAdmin({ ...forged, payload: { role: "user", lab: "lab1" } }, FORGED_ADMIN_ANSWER)).toMatchObject({ solved: false, reason: expect.stringContaining('role "user"') });
  });
  test("a token of another lab, or no JWT at all, does not count", () => {
    expect(decideForgedAdmin({ ...forged, payload: { role: "admin", lab: "other" } }, FORGED_ADMIN_ANSWER).solved).toBe(false);
    expect(decideForgedAdmin({ ...forged, payload: null }, FORGED_ADMIN_ANSWER).solved).toBe(false);
  });
  test("refused for another reason than the signature (expired, malformed) does not count", () => {
    expect(decideForgedAdmin({ ...forged, verdict: { ok: false, code: "TOKEN_EXPIRED" } }, FORGED_ADMIN_ANSWER)).toMatchObject({ solved: false, reason: expect.stringContaining("TOKEN_EXPIRED") });
    expect(decideForgedAdmin({ ...forged, verdict: { ok: false, code: "TOKEN_MALFORMED" } }, FORGED_ADMIN_ANSWER).solved).toBe(false);
  });
  test("the right forgery with a wrong or missing reason is not solved", () => {
    expect(decideForgedAdmin(forged, "role-lookup").solved).toBe(false);
    expect(decideForgedAdmin(forged, null).solved).toBe(false);
  });
});
