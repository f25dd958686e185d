import { CompactSign, exportJWK, generateKeyPair, type CryptoKey, type JWK } from "jose";
import { encodeTextBase64Url } from "./base64url";
import type { JsonObject } from "./json";

/**
 * Re-signing an edited token with a key the learner chose — never AuthLab's. The point it makes:
 * anyone can produce a *validly signed* token; what the server checks is whether it was signed
 * with *its* key. All of it runs in the page.
 */
export type SigningAlgorithm = "HS256" | "ES256" | "EdDSA" | "none";

export type SigningChoice = { alg: "HS256"; secret: string } | { alg: "ES256" | "EdDSA"; privateKey: CryptoKey } | { alg: "none" };

export type SignResult = { ok: true; token: string; header: JsonObject } | { ok: false; message: string };

/**
 * Signs exactly the JSON the learner wrote (CompactSign over the bytes, not SignJWT, which would
 * validate and reorder claims). The header's alg is set to the chosen algorithm; everything else in
 * the header is kept as written, kid included.
 */
export async function signToken(header: JsonObject, payload: JsonObject, choice: SigningChoice): Promise<SignResult> {
  const finalHeader: JsonObject & { alg: SigningAlgorithm } = { ...header, alg: choice.alg };
  const payloadJson = JSON.stringify(payload);
  if (choice.alg === "none") {
    // An unsecured JWT (RFC 7519 §6): header and payload, an empty signature. jose would refuse to make one with a header of ours.
    return { ok: true, token: `${encodeTextBase64Url(JSON.stringify(finalHeader))}.${encodeTextBase64Url(payloadJson)}.`, header: finalHeader };
  }
  let key: CryptoKey | Uint8Array;
  if (choice.alg === "HS256") {
    if (choice.secret === "") return { ok: false, message: "Type a secret to sign with." };
    key = new TextEncoder().encode(choice.secret);
  } else {
    key = choice.privateKey;
  }
  try {
    const token = await new CompactSign(new TextEncoder().encode(payloadJson)).setProtectedHeader(finalHeader).sign(key);
    return { ok: true, token, header: finalHeader };
  } catch (error) {
    return { ok: false, message: `jose could not sign this header: ${error instanceof Error ? error.message : "unknown error"}.` };
  }
}

export interface GeneratedKeyPair {
  alg: "ES256" | "EdDSA";
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key as a JWK with its alg, ready to paste into a verifier. */
  publicJwk: JWK;
  /** The private key as a JWK, for the learner to look at: it is never sent anywhere. */
  privateJwk: JWK;
}

/**
 * A fresh key pair made by WebCrypto in the page. Extractable so that the learner can see the
 * private JWK (what "private" means is the lesson); it lives only in this tab's memory.
 */
export async function generateSigningKeyPair(alg: "ES256" | "EdDSA"): Promise<GeneratedKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), alg, use: "sig" };
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), alg };
  return { alg, privateKey, publicKey, publicJwk, privateJwk };
}
