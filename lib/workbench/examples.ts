import { encodeTextBase64Url } from "./base64url";
import type { PublicKeyAlgorithm } from "./authlab-profile";

/**
 * Tokens to try, each with the key that verifies it. The first three are the published test
 * vectors of the specifications (the ones jose's own test-suite uses); the others are made up to
 * show one warning each and carry fake signatures.
 */
export type ExampleKey = { kind: "secret"; secret: string; encoding: "text" | "base64url" } | { kind: "public-key"; text: string; alg: PublicKeyAlgorithm };

export interface TokenExample {
  id: string;
  title: string;
  /** What to look at once it is loaded. */
  lesson: string;
  token: string;
  key: ExampleKey | null;
}

/** RFC 7515 Appendix A.1: HS256. Its exp (1300819380) is in March 2011. */
export const RFC7515_A1 = {
  token:
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
  /** The JWK's `k`: the HMAC key, base64url-encoded (it is binary). */
  secretBase64Url: "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
  exp: 1_300_819_380,
} as const;

/** RFC 7515 Appendix A.3: ES256 (P-256). Same payload as A.1. */
export const RFC7515_A3 = {
  token:
    "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q",
  publicJwk: { kty: "EC", crv: "P-256", x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0" },
  exp: 1_300_819_380,
} as const;

/** RFC 8037 Appendix A.4: Ed25519 (EdDSA). Its payload is the text "Example of Ed25519 signing", not JSON. */
export const RFC8037_A4 = {
  token: "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg",
  publicJwk: { kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" },
  payloadText: "Example of Ed25519 signing",
} as const;

function fake(header: object, payload: object, signature = "bm90LWEtcmVhbC1zaWduYXR1cmU"): string {
  return `${encodeTextBase64Url(JSON.stringify(header))}.${encodeTextBase64Url(JSON.stringify(payload))}.${signature}`;
}

export const TOKEN_EXAMPLES: readonly TokenExample[] = [
  {
    id: "rfc7515-a1",
    title: "RFC 7515 A.1 — HS256",
    lesson: "The signature verifies with the RFC's secret — and the token is still refused: it expired in 2011.",
    token: RFC7515_A1.token,
    key: { kind: "secret", secret: RFC7515_A1.secretBase64Url, encoding: "base64url" },
  },
  {
    id: "rfc7515-a3",
    title: "RFC 7515 A.3 — ES256",
    lesson: "Verified with a public key alone: whoever verifies cannot sign.",
    token: RFC7515_A3.token,
    key: { kind: "public-key", text: JSON.stringify(RFC7515_A3.publicJwk, null, 2), alg: "ES256" },
  },
  {
    id: "rfc8037-a4",
    title: "RFC 8037 A.4 — EdDSA (Ed25519)",
    lesson: "A valid signature over a payload that is not JSON: a signed message, but not a JWT.",
    token: RFC8037_A4.token,
    key: { kind: "public-key", text: JSON.stringify(RFC8037_A4.publicJwk, null, 2), alg: "EdDSA" },
  },
  {
    id: "alg-none",
    title: "alg: none, role: admin",
    lesson: "No signature at all. jose refuses it whatever key you give; so does AuthLab.",
    token: fake({ alg: "none", typ: "JWT" }, { sub: "alice", role: "admin", iat: 1_700_000_000 }, ""),
    key: null,
  },
  {
    id: "jku",
    title: "jku header: bring your own key",
    lesson: "The token points at a key set on the attacker's site. A server must never fetch it.",
    token: fake({ alg: "RS256", typ: "at+jwt", kid: "attacker-key", jku: "https://attacker.example/jwks.json" }, { iss: "authlab", aud: "authlab-api", sub: "1", role: "admin", exp: 4_102_444_800 }),
    key: null,
  },
  {
    id: "absurd-exp",
    title: "exp: 1e300",
    lesson: "A time no issuer means. A verifier must refuse it with a 401, not crash with a 500.",
    token: fake({ alg: "HS256", typ: "at+jwt" }, { iss: "authlab", aud: "authlab-api", sub: "1", role: "admin", iat: 1_700_000_000, exp: 1e300 }),
    key: null,
  },
];
