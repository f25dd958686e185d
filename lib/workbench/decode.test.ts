import { describe, expect, it } from "vitest";
import { encodeTextBase64Url } from "./base64url";
import { decodeToken, MAX_TOKEN_INPUT_CHARS } from "./decode";
import { RFC7515_A1, RFC8037_A4 } from "./examples";

const b64 = encodeTextBase64Url;

describe("decodeToken: what anyone holding a token can read", () => {
  it("decodes RFC 7515 A.1 into header, payload and a 32-byte HS256 signature", () => {
    const decoded = decodeToken(RFC7515_A1.token);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.header.json).toEqual({ typ: "JWT", alg: "HS256" });
    expect(decoded.payload.json).toEqual({ iss: "joe", exp: 1_300_819_380, "http://example.com/is_root": true });
    expect(decoded.signature.byteLength).toBe(32);
    expect(decoded.isJwt).toBe(true);
    expect(decoded.notes).toEqual([]);
  });

  it("keeps the raw text of a payload that is not JSON (RFC 8037 A.4) and says why it is not a JWT", () => {
    const decoded = decodeToken(RFC8037_A4.token);
    if (!decoded.ok) throw new Error("expected three parts");
    expect(decoded.payload.text).toBe(RFC8037_A4.payloadText);
    expect(decoded.payload.json).toBeNull();
    expect(decoded.payload.problem).toMatch(/not JSON/);
    expect(decoded.signature.byteLength).toBe(64);
    expect(decoded.isJwt).toBe(false);
  });

  it("strips a Bearer prefix and the line breaks of a token copied from a document", () => {
    const wrapped = `Bearer ${RFC7515_A1.token.slice(0, 40)}\n   ${RFC7515_A1.token.slice(40)}\n`;
    const decoded = decodeToken(wrapped);
    if (!decoded.ok) throw new Error("expected a token");
    expect(decoded.token).toBe(RFC7515_A1.token);
    expect(decoded.notes).toHaveLength(2);
  });

  it("accepts an unsigned token's empty signature", () => {
    const decoded = decodeToken(`${b64('{"alg":"none"}')}.${b64('{"sub":"1"}')}.`);
    if (!decoded.ok) throw new Error("expected a token");
    expect(decoded.signature).toEqual({ encoded: "", byteLength: 0, problem: null });
    expect(decoded.isJwt).toBe(true);
  });

  describe("hostile input never throws and says what is wrong", () => {
    const cases: [string, string, RegExp][] = [
      ["empty", "   ", /Paste a token/],
      ["garbage without dots", "hello world!", /no dot/],
      ["two parts", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0", /2 parts/],
      ["four parts", "a.b.c.d", /4 parts/],
      ["five parts (JWE)", "a.b.c.d.e", /encrypted JWT \(JWE\)/],
    ];
    it.each(cases)("%s", (_name, input, message) => {
      const decoded = decodeToken(input);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.message).toMatch(message);
    });

    it("non-base64url characters in a part", () => {
      const decoded = decodeToken(`${b64('{"alg":"HS256"}')}.pay+load/==.sig`);
      if (!decoded.ok) throw new Error("three parts still decode part by part");
      expect(decoded.header.json).toEqual({ alg: "HS256" });
      expect(decoded.payload.problem).toMatch(/not base64url/);
      expect(decoded.isJwt).toBe(false);
    });

    it("a base64url length no byte string has (4n+1)", () => {
      const decoded = decodeToken(`${b64('{"alg":"HS256"}')}.abcde.sig`);
      if (!decoded.ok) throw new Error("expected three parts");
      expect(decoded.payload.problem).toMatch(/not base64url/);
    });

    it("bytes that are not UTF-8", () => {
      const decoded = decodeToken(`${b64('{"alg":"HS256"}')}._-8.sig`);
      if (!decoded.ok) throw new Error("expected three parts");
      expect(decoded.payload.problem).toMatch(/not UTF-8/);
    });

    it.each([
      ["an array", "[1,2]", /an array, not an object/],
      ["a string", '"hi"', /a string, not an object/],
      ["null", "null", /null, not an object/],
      ["a number", "42", /a number, not an object/],
      ["not JSON", "{oops", /not JSON/],
    ])("a payload that is %s", (_name, json, message) => {
      const decoded = decodeToken(`${b64('{"alg":"HS256"}')}.${b64(json)}.sig`);
      if (!decoded.ok) throw new Error("expected three parts");
      expect(decoded.payload.problem).toMatch(message);
    });

    it("a header whose members shadow Object.prototype", () => {
      const decoded = decodeToken(`${b64('{"__proto__":{"alg":"none"},"constructor":1,"alg":"HS256"}')}.${b64("{}")}.`);
      if (!decoded.ok) throw new Error("expected three parts");
      expect(decoded.header.json?.alg).toBe("HS256");
      expect(Object.keys(decoded.header.json ?? {})).toEqual(["__proto__", "constructor", "alg"]);
    });

    it("deeply nested JSON within the size cap", () => {
      const deep = '{"a":'.repeat(2000) + "1" + "}".repeat(2000);
      const decoded = decodeToken(`${b64('{"alg":"HS256"}')}.${b64(deep)}.sig`);
      if (!decoded.ok) throw new Error("expected three parts");
      expect(decoded.payload.json).not.toBeNull();
    });

    it("input over the cap is refused before any parsing", () => {
      const decoded = decodeToken("a".repeat(MAX_TOKEN_INPUT_CHARS + 1));
      expect(decoded).toMatchObject({ ok: false, reason: "too-large" });
    });

    it("a megabyte of dots", () => {
      expect(() => decodeToken(".".repeat(1_000_000))).not.toThrow();
    });
  });
});
