/**
 * The options AuthLab's server pins when it verifies an access token (lib/auth/jwt-strategy.ts),
 * repeated here because that module is server code and cannot be bundled into the page. A unit
 * test compares the two so they cannot drift apart.
 */
export const AUTHLAB_VERIFY_PROFILE = {
  issuer: "authlab",
  audience: "authlab-api",
  typ: "at+jwt",
  clockToleranceSeconds: 5,
  maxTokenAgeSeconds: 86_405,
  requiredClaims: ["sub", "jti", "iat", "exp"],
} as const;

/** Where this server publishes its public keys (same origin; the only JWKS the page fetches). */
export const JWKS_PATH = "/.well-known/jwks.json";

/** Algorithms the workbench verifies with a public key, as jose supports them on WebCrypto. */
export const PUBLIC_KEY_ALGORITHMS = ["ES256", "ES384", "ES512", "EdDSA", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"] as const;
export type PublicKeyAlgorithm = (typeof PUBLIC_KEY_ALGORITHMS)[number];

export const SECRET_ALGORITHMS = ["HS256", "HS384", "HS512"] as const;

export function isPublicKeyAlgorithm(alg: unknown): alg is PublicKeyAlgorithm {
  return typeof alg === "string" && (PUBLIC_KEY_ALGORITHMS as readonly string[]).includes(alg);
}
