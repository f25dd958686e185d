import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetAppEnvForTests } from "../config/env";
import { resetSecretsForTests } from "../config/secrets";
import { isCsrfDemoLabShape, readCsrfDemoLab, readLabCookie, signCsrfDemoLab, signLabId } from "./lab-cookie";

const env = process.env as Record<string, string | undefined>;
const saved = { SESSION_PASSWORD: env.SESSION_PASSWORD, SESSION_PASSWORDS: env.SESSION_PASSWORDS };
const OLD = "lab-cookie-test-old-password-abcdefghijklmnop";
const NEW = "lab-cookie-test-new-password-qrstuvwxyz012345";

function passwords(map: Record<string, string>): void {
  delete env.SESSION_PASSWORD;
  env.SESSION_PASSWORDS = JSON.stringify(map);
  resetAppEnvForTests();
  resetSecretsForTests();
}

beforeEach(() => passwords({ "1": OLD }));
afterAll(() => {
  Object.assign(env, saved);
  for (const [key, value] of Object.entries(saved)) if (value === undefined) delete env[key];
  resetAppEnvForTests();
  resetSecretsForTests();
});

// docs/SECURITY.md › "Labs": the lab cookie's MAC is what lets a request act in a lab.
describe("the lab cookie: verified once per value, never trusted by its lab id alone", () => {
  it("proves the lab it was signed for, the first time and from the cache alike", () => {
    const cookie = signLabId("abcdefghjk");
    expect(readLabCookie(cookie)).toEqual({ kind: "lab", labId: "abcdefghjk" });
    expect(readLabCookie(cookie)).toEqual({ kind: "lab", labId: "abcdefghjk" });
  });

  it("refuses a forged MAC for a lab whose genuine cookie was just verified", () => {
    const genuine = signLabId("abcdefghjk");
    expect(readLabCookie(genuine).kind).toBe("lab");
    const mac = genuine.slice(genuine.indexOf(".") + 1);
    const forged = `abcdefghjk.${mac.startsWith("A") ? "B" : "A"}${mac.slice(1)}`;
    expect(readLabCookie(forged)).toEqual({ kind: "invalid" });
    // Another lab's id with this lab's MAC.
    expect(readLabCookie(`mnpqrstuvw.${mac}`)).toEqual({ kind: "invalid" });
  });

  it("keeps verifying under an old password until it is dropped, cache or not", () => {
    const cookie = signLabId("abcdefghjk");
    expect(readLabCookie(cookie).kind).toBe("lab");
    passwords({ "2": NEW, "1": OLD });
    expect(readLabCookie(cookie).kind).toBe("lab");
    expect(signLabId("abcdefghjk")).not.toBe(cookie);
    passwords({ "2": NEW });
    expect(readLabCookie(cookie)).toEqual({ kind: "invalid" });
  });

  it("says none for no cookie and invalid for anything malformed", () => {
    expect(readLabCookie(undefined)).toEqual({ kind: "none" });
    for (const value of ["abcdefghjk", ".abc", "not a lab.abcdefghijklmnopqrstuv", `abcdefghjk.${"a".repeat(21)}`]) expect(readLabCookie(value)).toEqual({ kind: "invalid" });
  });
});

// docs/SECURITY.md › "Cross-site requests and redirects": a request names a lab for its refusal only with the lab's signed value.
describe("the CSRF demo's ?lab= value: signed for that purpose, never a bare lab id or a lab cookie", () => {
  it("proves the lab it was signed for, under an old password too until it is dropped", () => {
    const value = signCsrfDemoLab("abcdefghjk");
    expect(isCsrfDemoLabShape(value)).toBe(true);
    expect(readCsrfDemoLab(value)).toBe("abcdefghjk");
    passwords({ "2": NEW, "1": OLD });
    expect(readCsrfDemoLab(value)).toBe("abcdefghjk");
    passwords({ "2": NEW });
    expect(readCsrfDemoLab(value)).toBeNull();
  });

  it("refuses a forged tag, another lab's tag and a bare lab id", () => {
    const value = signCsrfDemoLab("abcdefghjk");
    const tag = value.slice(value.indexOf(".") + 1);
    expect(readCsrfDemoLab(`abcdefghjk.${tag.startsWith("A") ? "B" : "A"}${tag.slice(1)}`)).toBeNull();
    expect(readCsrfDemoLab(`abcdefghjk.${"A".repeat(22)}`)).toBeNull();
    expect(readCsrfDemoLab(`mnpqrstuvw.${tag}`)).toBeNull();
    for (const bad of ["abcdefghjk", "default", "", null, undefined, `abcdefghjk.${tag}x`, `not a lab.${tag}`]) expect(readCsrfDemoLab(bad)).toBeNull();
  });

  it("refuses a lab cookie's value as a tag, verified or not, and a tag is no lab cookie", () => {
    const cookie = signLabId("abcdefghjk");
    expect(readLabCookie(cookie).kind).toBe("lab"); // now in the lab cookie's cache of verified values
    expect(isCsrfDemoLabShape(cookie)).toBe(true);
    expect(readCsrfDemoLab(cookie)).toBeNull();
    const value = signCsrfDemoLab("abcdefghjk");
    expect(value).not.toBe(cookie);
    expect(readLabCookie(value)).toEqual({ kind: "invalid" });
  });
});
