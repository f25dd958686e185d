import { CompactSign, exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { encodeTextBase64Url } from "./base64url";
import { RFC7515_A1, RFC7515_A3, RFC8037_A4 } from "./examples";
import type { VerificationKeyInput } from "./keys";
import { verifyToken, type VerifyOptions } from "./verify";

/**
 * Verification against the published vectors (RFC 7515 A.1 and A.3, RFC 8037 A.4 — the ones jose's
 * own tests use), then the ways a token fails. The RFC 7515 examples expired in March 2011, so their
 * signatures are checked at a fixed date just before.
 */
const BEFORE_RFC_EXP = new Date((RFC7515_A1.exp - 60) * 1000);
const at = (currentDate: Date, extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ currentDate, clockToleranceSeconds: 5, authlabProfile: false, ...extra });

const A1_SECRET: VerificationKeyInput = { kind: "secret", secret: RFC7515_A1.secretBase64Url, encoding: "base64url" };
const A3_KEY: VerificationKeyInput = { kind: "public-key", text: JSON.stringify(RFC7515_A3.publicJwk), alg: "ES256" };
const A4_KEY: VerificationKeyInput = { kind: "public-key", text: JSON.stringify(RFC8037_A4.publicJwk), alg: "EdDSA" };

/** Replaces the payload part, keeping header and signature: what "edit the payload" does. */
function tamper(token: string, payload: object): string {
  const [header, , signature] = token.split(".");
  return `${header}.${encodeTextBase64Url(JSON.stringify(payload))}.${signature}`;
}

describe("verifyToken against the published vectors", () => {
  it("RFC 7515 A.1 (HS256) verifies with its secret at a date before its exp", async () => {
    const report = await verifyToken(RFC7515_A1.token, A1_SECRET, at(BEFORE_RFC_EXP));
    expect(report).toMatchObject({ ok: true, signature: "passed", claims: "passed", code: null });
    expect(report.payload).toMatchObject({ iss: "joe", exp: RFC7515_A1.exp });
    expect(report.checked.join(" ")).toContain("HS256, HS384, HS512");
  });

  it("RFC 7515 A.1 today: the signature passes, the claims fail with ERR_JWT_EXPIRED", async () => {
    const report = await verifyToken(RFC7515_A1.token, A1_SECRET, at(new Date()));
    expect(report).toMatchObject({ ok: false, signature: "passed", claims: "failed", code: "ERR_JWT_EXPIRED", claim: "exp" });
    expect(report.explanation).toMatch(/exp is in the past/);
  });

  it("RFC 7515 A.3 (ES256) verifies with its public JWK", async () => {
    const report = await verifyToken(RFC7515_A3.token, A3_KEY, at(BEFORE_RFC_EXP));
    expect(report).toMatchObject({ ok: true, signature: "passed", claims: "passed" });
  });

  it("RFC 7515 A.3 also verifies with the same key as a PEM (SPKI) block", async () => {
    const pem = await exportSPKI(await importJWK(RFC7515_A3.publicJwk, "ES256", { extractable: true }));
    const report = await verifyToken(RFC7515_A3.token, { kind: "public-key", text: pem, alg: "ES256" }, at(BEFORE_RFC_EXP));
    expect(report.ok).toBe(true);
  });

  it("RFC 8037 A.4 (EdDSA): the signature verifies, but its payload is text, so it is not a JWT (ERR_JWT_INVALID)", async () => {
    const report = await verifyToken(RFC8037_A4.token, A4_KEY, at(new Date()));
    expect(report).toMatchObject({ ok: false, signature: "passed", claims: "failed", code: "ERR_JWT_INVALID" });
  });

  it("a private JWK is accepted as far as its public part goes, and says so", async () => {
    const privateJwk = { ...RFC8037_A4.publicJwk, d: "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A" };
    const report = await verifyToken(RFC8037_A4.token, { kind: "public-key", text: JSON.stringify(privateJwk), alg: "EdDSA" }, at(new Date()));
    expect(report.signature).toBe("passed");
    expect(report.keyNotes.join(" ")).toMatch(/only its public part is used \(d ignored\)/);
  });
});

describe("verifyToken: the ways a token fails", () => {
  it("a wrong secret: ERR_JWS_SIGNATURE_VERIFICATION_FAILED", async () => {
    const report = await verifyToken(RFC7515_A1.token, { kind: "secret", secret: "not-the-secret-0123456789abcdefghij", encoding: "text" }, at(BEFORE_RFC_EXP));
    expect(report).toMatchObject({ ok: false, signature: "failed", claims: "not-reached", code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
  });

  it("a wrong public key (another P-256 key): signature failed", async () => {
    const { publicKey } = await generateKeyPair("ES256", { extractable: true });
    const report = await verifyToken(RFC7515_A3.token, { kind: "public-key", text: await exportSPKI(publicKey), alg: "ES256" }, at(BEFORE_RFC_EXP));
    expect(report.code).toBe("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
  });

  it("a tampered payload under the original signature: signature failed", async () => {
    const forged = tamper(RFC7515_A1.token, { iss: "joe", exp: RFC7515_A1.exp, "http://example.com/is_root": true, role: "admin" });
    const report = await verifyToken(forged, A1_SECRET, at(BEFORE_RFC_EXP));
    expect(report).toMatchObject({ signature: "failed", code: "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" });
    expect(report.explanation).toMatch(/changed after signing/);
  });

  it("a tampered ES256 signature (one character flipped): signature failed", async () => {
    const flipped = RFC7515_A3.token.slice(0, -1) + (RFC7515_A3.token.endsWith("Q") ? "A" : "Q");
    const report = await verifyToken(flipped, A3_KEY, at(BEFORE_RFC_EXP));
    expect(report.code).toBe("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
  });

  it("alg: none is refused by jose before any crypto (ERR_JOSE_ALG_NOT_ALLOWED: the secret pins HS*)", async () => {
    const none = `${encodeTextBase64Url('{"alg":"none"}')}.${encodeTextBase64Url('{"sub":"1","role":"admin"}')}.`;
    const report = await verifyToken(none, A1_SECRET, at(new Date()));
    expect(report).toMatchObject({ ok: false, signature: "not-reached", code: "ERR_JOSE_ALG_NOT_ALLOWED" });
  });

  it("alg: none against a JWKS that allows every asymmetric alg is still refused", async () => {
    const none = `${encodeTextBase64Url('{"alg":"none"}')}.${encodeTextBase64Url('{"sub":"1"}')}.`;
    const report = await verifyToken(none, { kind: "jwks", jwks: { keys: [{ ...RFC7515_A3.publicJwk }] } }, at(new Date()));
    expect(report.ok).toBe(false);
    expect(report.signature).toBe("not-reached");
    expect(report.code).toBe("ERR_JOSE_ALG_NOT_ALLOWED");
  });

  it("HS256 where a public key was given (algorithm confusion) is refused: ERR_JOSE_ALG_NOT_ALLOWED", async () => {
    const report = await verifyToken(RFC7515_A1.token, A3_KEY, at(BEFORE_RFC_EXP));
    expect(report).toMatchObject({ ok: false, signature: "not-reached", code: "ERR_JOSE_ALG_NOT_ALLOWED" });
  });

  it("an expired token signed now: ERR_JWT_EXPIRED, and the clock tolerance is honoured", async () => {
    const secret = new TextEncoder().encode("a-32-byte-test-secret-0123456789ab");
    const nowS = 1_800_000_000;
    const token = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuedAt(nowS - 900).setExpirationTime(nowS - 3).sign(secret);
    const key: VerificationKeyInput = { kind: "secret", secret: "a-32-byte-test-secret-0123456789ab", encoding: "text" };
    expect((await verifyToken(token, key, at(new Date(nowS * 1000), { clockToleranceSeconds: 5 }))).ok).toBe(true);
    const strict = await verifyToken(token, key, at(new Date(nowS * 1000), { clockToleranceSeconds: 0 }));
    expect(strict).toMatchObject({ code: "ERR_JWT_EXPIRED", signature: "passed" });
    expect(strict.checked.join(" ")).toContain("0 s of clock tolerance");
  });

  it("nbf in the future: ERR_JWT_CLAIM_VALIDATION_FAILED on nbf", async () => {
    const secret = "a-32-byte-test-secret-0123456789ab";
    const nowS = 1_800_000_000;
    const token = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setNotBefore(nowS + 600).setExpirationTime(nowS + 900).sign(new TextEncoder().encode(secret));
    const report = await verifyToken(token, { kind: "secret", secret, encoding: "text" }, at(new Date(nowS * 1000)));
    expect(report).toMatchObject({ code: "ERR_JWT_CLAIM_VALIDATION_FAILED", claim: "nbf" });
    expect(report.explanation).toMatch(/not valid yet/);
  });

  it("AuthLab's profile: the RFC token fails on iss (joe is not authlab)", async () => {
    const report = await verifyToken(RFC7515_A1.token, A1_SECRET, at(BEFORE_RFC_EXP, { authlabProfile: true }));
    expect(report.code).toBe("ERR_JWT_CLAIM_VALIDATION_FAILED");
    expect(report.claim).not.toBeNull();
  });

  it("AuthLab's profile: a token shaped like AuthLab's passes; with the wrong typ it fails on typ", async () => {
    const secret = "a-32-byte-test-secret-0123456789ab";
    const nowS = 1_800_000_000;
    const sign = (typ: string) =>
      new SignJWT({ role: "user", email: "a@example.com" })
        .setProtectedHeader({ alg: "HS256", typ, kid: "k" })
        .setSubject("u1").setJti("j1").setIssuer("authlab").setAudience("authlab-api").setIssuedAt(nowS - 10).setExpirationTime(nowS + 890)
        .sign(new TextEncoder().encode(secret));
    const key: VerificationKeyInput = { kind: "secret", secret, encoding: "text" };
    const options = at(new Date(nowS * 1000), { authlabProfile: true });
    expect((await verifyToken(await sign("at+jwt"), key, options)).ok).toBe(true);
    expect(await verifyToken(await sign("JWT"), key, options)).toMatchObject({ code: "ERR_JWT_CLAIM_VALIDATION_FAILED", claim: "typ" });
  });

  it("exp 1e300 with a valid signature verifies in jose — which is why the workbench warns about it separately", async () => {
    const secret = "a-32-byte-test-secret-0123456789ab";
    const token = await new CompactSign(new TextEncoder().encode('{"exp":1e300}')).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(secret));
    const report = await verifyToken(token, { kind: "secret", secret, encoding: "text" }, at(new Date()));
    expect(report.signature).toBe("passed");
  });

  it("an exp that is a string: ERR_JWT_CLAIM_VALIDATION_FAILED on exp", async () => {
    const secret = "a-32-byte-test-secret-0123456789ab";
    const token = await new CompactSign(new TextEncoder().encode('{"exp":"tomorrow"}')).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(secret));
    const report = await verifyToken(token, { kind: "secret", secret, encoding: "text" }, at(new Date()));
    expect(report).toMatchObject({ signature: "passed", code: "ERR_JWT_CLAIM_VALIDATION_FAILED", claim: "exp" });
  });

  it("a JWKS with no key for the token's kid: ERR_JWKS_NO_MATCHING_KEY", async () => {
    const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
    const token = await new SignJWT({ exp: 4_102_444_800 }).setProtectedHeader({ alg: "ES256", kid: "k1" }).sign(privateKey);
    const jwk = { ...(await exportJWK(publicKey)), alg: "ES256" };
    expect((await verifyToken(token, { kind: "jwks", jwks: { keys: [{ ...jwk, kid: "k1" }] } }, at(new Date()))).ok).toBe(true);
    const report = await verifyToken(token, { kind: "jwks", jwks: { keys: [{ ...jwk, kid: "k2" }] } }, at(new Date()));
    expect(report).toMatchObject({ ok: false, signature: "not-reached", code: "ERR_JWKS_NO_MATCHING_KEY" });
  });

  it("the RFC ES256 token against a JWKS holding its key verifies", async () => {
    const report = await verifyToken(RFC7515_A3.token, { kind: "jwks", jwks: { keys: [{ ...RFC7515_A3.publicJwk, alg: "ES256", use: "sig" }] } }, at(BEFORE_RFC_EXP));
    expect(report.ok).toBe(true);
  });

  it("an empty JWKS (AuthLab under HS256) says why it is empty", async () => {
    const report = await verifyToken(RFC7515_A3.token, { kind: "jwks", jwks: { keys: [] } }, at(BEFORE_RFC_EXP));
    expect(report.ok).toBe(false);
    expect(report.keyNotes.join(" ")).toMatch(/shared secret cannot be made public/);
  });

  describe("malformed input and unusable keys come back as reports, never exceptions", () => {
    const key: VerificationKeyInput = { kind: "secret", secret: "a-32-byte-test-secret-0123456789ab", encoding: "text" };
    it.each([
      ["garbage", "not a token"],
      ["two parts", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0"],
      ["non-base64url", "eyJhbGciOiJIUzI1NiJ9.@@@.abc"],
      ["a header that is not JSON", `${encodeTextBase64Url("nope")}.${encodeTextBase64Url("{}")}.abc`],
      ["a payload that is an array", `${encodeTextBase64Url('{"alg":"HS256"}')}.${encodeTextBase64Url("[1]")}.abc`],
      ["huge", "a".repeat(20_000)],
    ])("%s", async (_name, token) => {
      const report = await verifyToken(token, key, at(new Date()));
      expect(report.ok).toBe(false);
      expect(report.code).toMatch(/^(ERR_|INPUT_)/);
      expect(report.explanation.length).toBeGreaterThan(10);
    });

    it.each<[string, VerificationKeyInput, string]>([
      ["an empty secret", { kind: "secret", secret: "", encoding: "text" }, "SECRET_EMPTY"],
      ["a secret that is not base64url", { kind: "secret", secret: "no spaces allowed!", encoding: "base64url" }, "SECRET_NOT_BASE64URL"],
      ["an empty public key", { kind: "public-key", text: "  ", alg: "ES256" }, "KEY_EMPTY"],
      ["a private PEM", { kind: "public-key", text: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", alg: "ES256" }, "KEY_IS_PRIVATE_PEM"],
      ["a broken PEM", { kind: "public-key", text: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", alg: "ES256" }, "KEY_NOT_USABLE"],
      ["a symmetric JWK", { kind: "public-key", text: '{"kty":"oct","k":"AAAA"}', alg: "ES256" }, "KEY_IS_SYMMETRIC"],
      ["JSON that is not a JWK", { kind: "public-key", text: '{"hello":1}', alg: "ES256" }, "KEY_NOT_RECOGNISED"],
      ["a JWK with the wrong curve for the alg", { kind: "public-key", text: JSON.stringify(RFC7515_A3.publicJwk), alg: "EdDSA" }, "KEY_NOT_USABLE"],
      ["a JWKS that is not one", { kind: "jwks", jwks: { keys: "nope" } }, "JWKS_INVALID"],
    ])("%s", async (_name, badKey, code) => {
      const report = await verifyToken(RFC7515_A1.token, badKey, at(new Date()));
      expect(report).toMatchObject({ ok: false, code, signature: "not-reached" });
    });

    it("a negative clock tolerance", async () => {
      expect((await verifyToken(RFC7515_A1.token, A1_SECRET, at(new Date(), { clockToleranceSeconds: -1 }))).code).toBe("CLOCK_TOLERANCE_INVALID");
    });
  });

  it("a short secret verifies but is called out", async () => {
    const token = await new SignJWT({ exp: 4_102_444_800 }).setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode("secret"));
    const report = await verifyToken(token, { kind: "secret", secret: "secret", encoding: "text" }, at(new Date()));
    expect(report.ok).toBe(true);
    expect(report.keyNotes.join(" ")).toMatch(/6 bytes/);
  });
});
