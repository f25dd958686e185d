import { SignJWT, jwtVerify, errors } from "jose";
import { describe, expect, it } from "vitest";
import { base64UrlDecode, base64UrlEncode, claimSummary, decodeJwt, parsePayload, unsignedToken, withPayload } from "./jwt-parts";

const key = new TextEncoder().encode("a-test-secret-that-is-long-enough-0123456789");

async function token(): Promise<string> {
  return new SignJWT({ role: "user", email: "alice@example.com" }).setProtectedHeader({ alg: "HS256", typ: "at+jwt" }).setSubject("u1").setJti("j1").setIssuedAt(1000).setExpirationTime(1900).sign(key);
}

describe("jwt-parts: what an attacker can do without the key", () => {
  it("round-trips base64url, including non-ASCII text", () => {
    for (const text of ["", "a", "ab", "abc", '{"role":"admin"}', "ünïcødé ✓"]) expect(base64UrlDecode(base64UrlEncode(text))).toBe(text);
    expect(base64UrlEncode("??>")).not.toMatch(/[+/=]/);
  });

  it("decodes header and payload; garbage parts come back null", async () => {
    const parts = decodeJwt(await token());
    expect(parts.header).toMatchObject({ alg: "HS256", typ: "at+jwt" });
    expect(parts.payload).toMatchObject({ role: "user", sub: "u1", exp: 1900 });
    expect(parts.signature.length).toBeGreaterThan(20);
    expect(decodeJwt("not-a-jwt")).toEqual({ header: null, payload: null, signature: "" });
    expect(decodeJwt(`${base64UrlEncode("[1]")}.${base64UrlEncode("null")}.x`)).toMatchObject({ header: null, payload: null });
  });

  it("an edited payload keeps header and signature, and the signature no longer verifies", async () => {
    const original = await token();
    const forged = withPayload(original, { ...decodeJwt(original).payload, role: "admin" });
    expect(forged.split(".")[0]).toBe(original.split(".")[0]);
    expect(forged.split(".")[2]).toBe(original.split(".")[2]);
    expect(decodeJwt(forged).payload).toMatchObject({ role: "admin", sub: "u1" });
    await expect(jwtVerify(forged, key, { currentDate: new Date(1500_000) })).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
  });

  it("an unsigned token says alg none and has an empty signature", async () => {
    const forged = unsignedToken(await token(), { role: "admin" });
    expect(forged.endsWith(".")).toBe(true);
    expect(decodeJwt(forged).header).toMatchObject({ alg: "none", typ: "at+jwt" });
    await expect(jwtVerify(forged, key, { algorithms: ["HS256"] })).rejects.toBeInstanceOf(errors.JOSEError);
  });

  it("parses only JSON objects as an edited payload", () => {
    expect(parsePayload('{"role":"admin"}')).toEqual({ ok: true, payload: { role: "admin" } });
    expect(parsePayload("[1,2]")).toMatchObject({ ok: false });
    expect(parsePayload("null")).toMatchObject({ ok: false });
    expect(parsePayload("{role:admin}")).toMatchObject({ ok: false, message: expect.stringMatching(/^Not valid JSON/) });
  });

  it("summarises the claims a learner reads", () => {
    expect(claimSummary({ sub: "u1", role: "user", email: "a@b.c", exp: 5 })).toBe('email: "a@b.c", role: "user", exp: 5');
    expect(claimSummary(null)).toBe("(payload does not decode)");
  });
});
