import { describe, expect, it } from "vitest";
import { decodeToken } from "./decode";
import { generateSigningKeyPair, signToken } from "./sign";
import { verifyToken } from "./verify";

const NOW = new Date();
const options = { currentDate: NOW, clockToleranceSeconds: 5, authlabProfile: false };
const header = { alg: "HS256", typ: "at+jwt", kid: "authlab-kid" };
const payload = { sub: "u1", role: "admin", exp: Math.floor(NOW.getTime() / 1000) + 600 };

describe("signToken: re-signing an edited token with the learner's own key", () => {
  it("HS256 with a typed secret: verifies with that secret, not with another", async () => {
    const signed = await signToken(header, payload, { alg: "HS256", secret: "my-own-secret" });
    if (!signed.ok) throw new Error(signed.message);
    expect((await verifyToken(signed.token, { kind: "secret", secret: "my-own-secret", encoding: "text" }, options)).ok).toBe(true);
    expect((await verifyToken(signed.token, { kind: "secret", secret: "authlab's secret", encoding: "text" }, options)).code).toBe("ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
  });

  it("keeps the header as written (kid included) and signs exactly the payload JSON", async () => {
    const signed = await signToken(header, payload, { alg: "HS256", secret: "s" });
    if (!signed.ok) throw new Error(signed.message);
    const decoded = decodeToken(signed.token);
    if (!decoded.ok) throw new Error("does not decode");
    expect(decoded.header.json).toEqual(header);
    expect(decoded.payload.text).toBe(JSON.stringify(payload));
  });

  it.each(["ES256", "EdDSA"] as const)("%s with a key pair made in the page: verifies with the public JWK shown", async (alg) => {
    const pair = await generateSigningKeyPair(alg);
    expect(pair.publicJwk).toMatchObject({ alg, use: "sig" });
    expect(pair.publicJwk).not.toHaveProperty("d");
    expect(pair.privateJwk).toHaveProperty("d");
    const signed = await signToken(header, payload, { alg, privateKey: pair.privateKey });
    if (!signed.ok) throw new Error(signed.message);
    expect(decodeToken(signed.token)).toMatchObject({ ok: true, header: { json: { alg } } });
    const report = await verifyToken(signed.token, { kind: "public-key", text: JSON.stringify(pair.publicJwk), alg }, options);
    expect(report.ok).toBe(true);
  });

  it("alg none: header and payload with an empty signature, which jose refuses to verify", async () => {
    const signed = await signToken(header, payload, { alg: "none" });
    if (!signed.ok) throw new Error(signed.message);
    expect(signed.token.endsWith(".")).toBe(true);
    expect(signed.header.alg).toBe("none");
    const report = await verifyToken(signed.token, { kind: "secret", secret: "anything", encoding: "text" }, options);
    expect(report).toMatchObject({ ok: false, signature: "not-reached" });
  });

  it("an empty secret and a header jose cannot sign are reported, not thrown", async () => {
    expect(await signToken(header, payload, { alg: "HS256", secret: "" })).toMatchObject({ ok: false });
    const result = await signToken({ ...header, crit: ["exp"] }, payload, { alg: "HS256", secret: "s" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/jose could not sign/);
  });
});
