import { createLocalJWKSet, importJWK, importSPKI, importX509, type CryptoKey, type JSONWebKeySet, type JWK, type JWTVerifyGetKey } from "jose";
import { isPublicKeyAlgorithm, PUBLIC_KEY_ALGORITHMS, SECRET_ALGORITHMS, type PublicKeyAlgorithm } from "./authlab-profile";
import { decodeBase64Url } from "./base64url";
import { isJsonObject, type JsonObject } from "./json";

/**
 * Turns what a learner pasted into a key jose can verify with, bound to the algorithms that key
 * may be used with. Binding the algorithms to the *key* (never reading them from the token) is what
 * makes algorithm confusion impossible. Nothing here touches the network.
 */
export type VerificationKeyInput =
  | { kind: "secret"; secret: string; encoding: "text" | "base64url" }
  | { kind: "public-key"; text: string; alg: PublicKeyAlgorithm }
  | { kind: "jwks"; jwks: unknown };

export type KeyProblemCode = "SECRET_EMPTY" | "SECRET_NOT_BASE64URL" | "KEY_EMPTY" | "KEY_NOT_RECOGNISED" | "KEY_IS_PRIVATE_PEM" | "KEY_IS_SYMMETRIC" | "KEY_NOT_USABLE" | "JWKS_INVALID";

export type PreparedKey =
  | { ok: true; key: CryptoKey | Uint8Array | JWTVerifyGetKey; algorithms: string[]; describe: string; notes: string[] }
  | { ok: false; code: KeyProblemCode; message: string };

/** RFC 7518 §3.2: an HMAC key must be at least as long as the hash output (32 bytes for HS256). */
export const MIN_HMAC_SECRET_BYTES = 32;

const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

function secretKey(secret: string, encoding: "text" | "base64url"): PreparedKey {
  if (secret === "") return { ok: false, code: "SECRET_EMPTY", message: "Type the secret first." };
  const bytes = encoding === "text" ? new TextEncoder().encode(secret) : decodeBase64Url(secret.trim());
  if (!bytes) return { ok: false, code: "SECRET_NOT_BASE64URL", message: "That secret is not base64url. Untick “base64url-encoded” to use it as plain text." };
  if (bytes.length === 0) return { ok: false, code: "SECRET_EMPTY", message: "The secret decodes to zero bytes." };
  const notes =
    bytes.length < MIN_HMAC_SECRET_BYTES
      ? [`This secret is ${bytes.length} bytes. HS256 wants at least ${MIN_HMAC_SECRET_BYTES} random bytes: a short or guessable secret can be found offline from any one token, and then anyone can sign.`]
      : [];
  return { ok: true, key: bytes, algorithms: [...SECRET_ALGORITHMS], describe: `a ${bytes.length}-byte secret (HS256, HS384 or HS512 only)`, notes };
}

async function pemKey(text: string, alg: PublicKeyAlgorithm): Promise<PreparedKey> {
  if (/-----BEGIN (ENCRYPTED |RSA |EC |OPENSSH )?PRIVATE KEY-----/.test(text)) {
    return { ok: false, code: "KEY_IS_PRIVATE_PEM", message: "That is a private key. Verifying needs only the public key (-----BEGIN PUBLIC KEY-----); a private key should never be pasted anywhere." };
  }
  try {
    if (text.startsWith("-----BEGIN PUBLIC KEY-----")) return { ok: true, key: await importSPKI(text, alg), algorithms: [alg], describe: `a PEM public key, used with ${alg} only`, notes: [] };
    if (text.startsWith("-----BEGIN CERTIFICATE-----")) return { ok: true, key: await importX509(text, alg), algorithms: [alg], describe: `the public key of a PEM certificate, used with ${alg} only`, notes: ["The certificate itself is not validated: only its public key is used."] };
  } catch (error) {
    return { ok: false, code: "KEY_NOT_USABLE", message: `jose could not use this key with ${alg}: ${error instanceof Error ? error.message : "unknown error"}.` };
  }
  return { ok: false, code: "KEY_NOT_RECOGNISED", message: "This PEM block is not a public key (SPKI, “BEGIN PUBLIC KEY”) or a certificate. An “RSA PUBLIC KEY” (PKCS#1) must be converted: openssl rsa -RSAPublicKey_in -pubout." };
}

function jwksKey(jwks: unknown): PreparedKey {
  if (!isJsonObject(jwks) || !Array.isArray(jwks.keys)) return { ok: false, code: "JWKS_INVALID", message: "A JWKS is a JSON object with a “keys” array." };
  const keys: unknown[] = jwks.keys;
  let getKey: JWTVerifyGetKey;
  try {
    getKey = createLocalJWKSet(jwks as unknown as JSONWebKeySet);
  } catch (error) {
    return { ok: false, code: "JWKS_INVALID", message: `jose refused this key set: ${error instanceof Error ? error.message : "malformed"}.` };
  }
  const declared = keys.map((k) => (isJsonObject(k) ? k.alg : undefined)).filter(isPublicKeyAlgorithm);
  // A key without `alg` may be used with any asymmetric algorithm jose matches to its type — never HMAC.
  const algorithms = declared.length === keys.length && declared.length > 0 ? [...new Set(declared)] : [...PUBLIC_KEY_ALGORITHMS];
  const count = keys.length;
  const notes = count === 0 ? ["The key set is empty. AuthLab publishes no key under HS256: a shared secret cannot be made public, so no other service can verify its tokens without being given the secret."] : [];
  return { ok: true, key: getKey, algorithms, describe: `a JWKS of ${count} public key${count === 1 ? "" : "s"} (the token's kid picks one; ${algorithms.join(", ")} only)`, notes };
}

async function jwkKey(value: unknown, alg: PublicKeyAlgorithm): Promise<PreparedKey> {
  if (isJsonObject(value) && Array.isArray(value.keys)) return jwksKey(value);
  if (!isJsonObject(value) || typeof value.kty !== "string") return { ok: false, code: "KEY_NOT_RECOGNISED", message: "This JSON is not a JWK (it has no “kty”) nor a JWKS (no “keys” array)." };
  if (value.kty === "oct") return { ok: false, code: "KEY_IS_SYMMETRIC", message: "This JWK is a shared secret (kty “oct”), not a public key: choose “Secret” and paste its k value, base64url-encoded." };
  const notes: string[] = [];
  const publicPart: JsonObject = { ...value };
  const stripped = PRIVATE_JWK_MEMBERS.filter((member) => Object.hasOwn(publicPart, member));
  if (stripped.length > 0) {
    for (const member of stripped) delete publicPart[member];
    notes.push(`You pasted a private JWK; only its public part is used (${stripped.join(", ")} ignored). Verifying never needs the private part.`);
  }
  if (typeof value.alg === "string" && value.alg !== alg) notes.push(`The JWK says alg ${value.alg}; you chose ${alg}.`);
  try {
    const key = await importJWK({ ...(publicPart as JWK), alg }, alg);
    // importJWK returns raw bytes only for kty "oct", refused above; anything else is a CryptoKey.
    if (key instanceof Uint8Array) return { ok: false, code: "KEY_IS_SYMMETRIC", message: "This JWK is a shared secret, not a public key." };
    return { ok: true, key, algorithms: [alg], describe: `${/^[AEIOU]/.test(value.kty) ? "an" : "a"} ${value.kty} public JWK, used with ${alg} only`, notes };
  } catch (error) {
    return { ok: false, code: "KEY_NOT_USABLE", message: `jose could not use this JWK with ${alg}: ${error instanceof Error ? error.message : "unknown error"}.` };
  }
}

/** The key a learner pasted, ready for jose, or a plain reason why not. */
export async function prepareVerificationKey(input: VerificationKeyInput): Promise<PreparedKey> {
  if (input.kind === "secret") return secretKey(input.secret, input.encoding);
  if (input.kind === "jwks") return jwksKey(input.jwks);
  const text = input.text.trim();
  if (text === "") return { ok: false, code: "KEY_EMPTY", message: "Paste a public key: a PEM block (-----BEGIN PUBLIC KEY-----) or a JWK ({ \"kty\": … })." };
  if (text.startsWith("-----BEGIN")) return pemKey(text, input.alg);
  if (text.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, code: "KEY_NOT_RECOGNISED", message: "This starts like a JWK but is not valid JSON." };
    }
    return jwkKey(parsed, input.alg);
  }
  return { ok: false, code: "KEY_NOT_RECOGNISED", message: "Not a key this page recognises: paste a PEM public key (-----BEGIN PUBLIC KEY-----), a certificate, a JWK or a JWKS." };
}

/**
 * The algorithm to preselect for a pasted public key: the JWK's own `alg`, else the token's when
 * it is an asymmetric one, else ES256. Only a default for the form — the learner sees and can
 * change it, and verification is pinned to whatever is chosen.
 */
export function suggestPublicAlgorithm(keyText: string, tokenAlg: unknown): PublicKeyAlgorithm {
  const text = keyText.trim();
  if (text.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isJsonObject(parsed) && isPublicKeyAlgorithm(parsed.alg)) return parsed.alg;
      if (isJsonObject(parsed) && parsed.kty === "OKP") return "EdDSA";
    } catch {
      // Not JSON yet (still being typed): fall through to the token's alg.
    }
  }
  return isPublicKeyAlgorithm(tokenAlg) ? tokenAlg : "ES256";
}
