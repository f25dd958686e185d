import { describe, expect, it } from "vitest";
import { decodeToken } from "./decode";
import { TOKEN_EXAMPLES } from "./examples";
import type { JsonObject } from "./json";
import { tokenWarnings, type WarningId } from "./warnings";

const NOW_MS = Date.UTC(2026, 11, 1, 12, 0, 0);
const now = NOW_MS / 1000;
const ctx = { nowMs: NOW_MS, expectPublicKey: false };

/** A token as AuthLab issues it: nothing to warn about but its kid. */
const GOOD_HEADER: JsonObject = { alg: "HS256", typ: "at+jwt", kid: "k1" };
const GOOD_PAYLOAD: JsonObject = { iss: "authlab", aud: "authlab-api", sub: "u1", role: "user", email: "alice@example.com", iat: now - 60, exp: now + 840, jti: "j1" };

function without(object: JsonObject, ...keys: string[]): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

function ids(header: JsonObject | null, payload: JsonObject | null, context = ctx): WarningId[] {
  return tokenWarnings(header, payload, context).map((w) => w.id);
}

describe("tokenWarnings: what RFC 8725 asks a reader to look at", () => {
  it("an AuthLab access token only gets the note that kid must select from a fixed set", () => {
    expect(ids(GOOD_HEADER, GOOD_PAYLOAD)).toEqual(["HEADER_KID"]);
  });

  it("alg none, in any capitalisation, is a danger", () => {
    for (const alg of ["none", "None", "NONE"]) expect(ids({ ...GOOD_HEADER, alg }, GOOD_PAYLOAD)).toContain("ALG_NONE");
  });

  it("a missing alg is a danger", () => {
    expect(ids({ typ: "at+jwt" }, GOOD_PAYLOAD)[0]).toBe("ALG_MISSING");
  });

  it("HS256 is only suspicious where a public key was expected (algorithm confusion)", () => {
    expect(ids(GOOD_HEADER, GOOD_PAYLOAD)).not.toContain("ALG_SYMMETRIC_WHERE_PUBLIC_KEY_EXPECTED");
    expect(ids(GOOD_HEADER, GOOD_PAYLOAD, { ...ctx, expectPublicKey: true })).toContain("ALG_SYMMETRIC_WHERE_PUBLIC_KEY_EXPECTED");
    expect(ids({ ...GOOD_HEADER, alg: "ES256" }, GOOD_PAYLOAD, { ...ctx, expectPublicKey: true })).not.toContain("ALG_SYMMETRIC_WHERE_PUBLIC_KEY_EXPECTED");
  });

  it("jku, jwk and x5u are dangers and explain why a server must never follow them; x5c is a caution", () => {
    const header = { ...GOOD_HEADER, jku: "https://evil.example/jwks.json", jwk: { kty: "EC" }, x5u: "https://evil.example/cert.pem", x5c: ["MIIB…"] };
    const warnings = tokenWarnings(header, GOOD_PAYLOAD, ctx);
    const byId = new Map(warnings.map((w) => [w.id, w]));
    expect(byId.get("HEADER_JKU")?.level).toBe("danger");
    expect(byId.get("HEADER_JKU")?.why).toMatch(/never|attacker/);
    expect(byId.get("HEADER_JWK")?.level).toBe("danger");
    expect(byId.get("HEADER_X5U")?.why).toMatch(/server-side request forgery/);
    expect(byId.get("HEADER_X5C")?.level).toBe("caution");
  });

  it("a kid that looks like a path or an SQL fragment is a danger, not a note", () => {
    for (const kid of ["../../dev/null", "k1' OR '1'='1", 42]) {
      expect(ids({ ...GOOD_HEADER, kid }, GOOD_PAYLOAD)).toEqual(["KID_SUSPICIOUS"]);
    }
  });

  it("missing typ is a caution; the generic typ JWT a note", () => {
    expect(ids(without(GOOD_HEADER, "typ"), GOOD_PAYLOAD)).toContain("TYP_MISSING");
    expect(ids({ ...GOOD_HEADER, typ: "JWT" }, GOOD_PAYLOAD)).toContain("TYP_GENERIC");
  });

  it("missing exp is a danger; missing iss and aud are cautions", () => {
    const warnings = tokenWarnings(GOOD_HEADER, without(GOOD_PAYLOAD, "exp", "iss", "aud"), ctx);
    expect(warnings[0]?.id).toBe("EXP_MISSING");
    expect(warnings.map((w) => w.id)).toEqual(expect.arrayContaining(["ISS_MISSING", "AUD_MISSING"]));
  });

  it("exp before iat, and nbf after exp", () => {
    expect(ids(GOOD_HEADER, { ...GOOD_PAYLOAD, iat: now, exp: now - 10 })).toEqual(expect.arrayContaining(["EXP_BEFORE_IAT", "EXPIRED"]));
    expect(ids(GOOD_HEADER, { ...GOOD_PAYLOAD, nbf: now + 2000 })).toEqual(expect.arrayContaining(["NBF_AFTER_EXP", "NOT_YET_VALID"]));
  });

  it("a lifetime over a day is long; 15 minutes is not", () => {
    expect(ids(GOOD_HEADER, { ...GOOD_PAYLOAD, exp: now + 30 * 86_400 })).toContain("LONG_LIFETIME");
    expect(ids(GOOD_HEADER, GOOD_PAYLOAD)).not.toContain("LONG_LIFETIME");
    // Without iat the lifetime is counted from now.
    expect(ids(GOOD_HEADER, { ...without(GOOD_PAYLOAD, "iat"), exp: now + 2 * 86_400 })).toContain("LONG_LIFETIME");
  });

  it("absurd times (1e300, negative, after 9999) and non-numbers are dangers, and do not throw", () => {
    expect(ids(GOOD_HEADER, { ...GOOD_PAYLOAD, exp: 1e300 })).toContain("TIME_ABSURD");
    expect(ids(GOOD_HEADER, { ...GOOD_PAYLOAD, iat: -5 })).toContain("TIME_ABSURD");
    expect(ids(GOOD_HEADER, { ...GOOD_PAYLOAD, nbf: 253_402_300_800 })).toContain("TIME_ABSURD");
    expect(ids(GOOD_HEADER, { ...GOOD_PAYLOAD, exp: "tomorrow" })).toContain("TIME_NOT_NUMERIC_DATE");
    expect(ids(GOOD_HEADER, { ...GOOD_PAYLOAD, exp: null })).toContain("TIME_NOT_NUMERIC_DATE");
    // The absurd value is not used for lifetime arithmetic.
    expect(ids(GOOD_HEADER, { ...GOOD_PAYLOAD, exp: 1e300 })).not.toContain("LONG_LIFETIME");
  });

  it("iat in the future", () => {
    expect(ids(GOOD_HEADER, { ...GOOD_PAYLOAD, iat: now + 3600, exp: now + 4000 })).toContain("IAT_IN_FUTURE");
  });

  it("a claim that looks like a secret: the payload is readable by anyone", () => {
    expect(ids(GOOD_HEADER, { ...GOOD_PAYLOAD, password: "hunter2" })).toContain("SECRET_IN_PAYLOAD");
  });

  it("dangers come first", () => {
    const levels = tokenWarnings({ alg: "none", kid: "k" }, { sub: "1" }, ctx).map((w) => w.level);
    expect(levels).toEqual([...levels].sort((a, b) => ["danger", "caution", "note"].indexOf(a) - ["danger", "caution", "note"].indexOf(b)));
    expect(levels[0]).toBe("danger");
  });

  it("prototype-shadowing members are not mistaken for claims", () => {
    expect(() => tokenWarnings(JSON.parse('{"__proto__":{"jku":"x"},"alg":"HS256","typ":"at+jwt"}') as JsonObject, GOOD_PAYLOAD, ctx)).not.toThrow();
    expect(ids(JSON.parse('{"__proto__":{"jku":"x"},"alg":"HS256","typ":"at+jwt"}') as JsonObject, GOOD_PAYLOAD)).toEqual([]);
  });

  it("hostile headers and payloads never make it throw: deep nesting, huge numbers, odd types", () => {
    const deep = JSON.parse('{"a":'.repeat(3000) + "1" + "}".repeat(3000)) as unknown;
    for (const [header, payload] of [
      [{ alg: "HS256", kid: deep }, { exp: deep }],
      [{ alg: ["none"], typ: 7, jku: null }, { exp: -Infinity, iat: "x", nbf: {} }],
      [{ alg: 1e308 }, { exp: Number.MAX_VALUE, iat: Number.MIN_VALUE }],
    ] as [JsonObject, JsonObject][]) {
      expect(() => tokenWarnings(header, payload, ctx)).not.toThrow();
    }
    expect(ids({ alg: "HS256", kid: deep }, GOOD_PAYLOAD)).toContain("KID_SUSPICIOUS");
  });

  it("each made-up example shows the warning it is there for", () => {
    const expected: Record<string, WarningId> = { "alg-none": "ALG_NONE", jku: "HEADER_JKU", "absurd-exp": "TIME_ABSURD" };
    for (const [id, warning] of Object.entries(expected)) {
      const example = TOKEN_EXAMPLES.find((e) => e.id === id);
      const decoded = decodeToken(example?.token ?? "");
      if (!decoded.ok) throw new Error(`example ${id} does not decode`);
      expect(ids(decoded.header.json, decoded.payload.json)).toContain(warning);
    }
  });
});
