/**
 * jose's error codes, said in plain words. The code itself is always shown beside the words: it is
 * what a learner searches for, and what a server's logs would say.
 */
export interface FailureContext {
  /** The token's own alg, when the header decoded. */
  alg?: unknown;
  /** For claim failures: which claim, and jose's reason ("check_failed", "missing", "unexpected"). */
  claim?: string | null;
  reason?: string | null;
}

function explainClaim(claim: string | null | undefined, reason: string | null | undefined): string {
  if (reason === "missing") return `The token has no “${claim}” claim, and this check requires one.`;
  switch (claim) {
    case "nbf":
      return "The signature is fine, but nbf is still in the future (beyond the clock tolerance): the token is not valid yet.";
    case "iat":
      return "The signature is fine, but iat is wrong: issued in the future, or longer ago than the maximum token age this check allows.";
    case "iss":
      return "The signature is fine, but the issuer (iss) is not the one expected: a token from someone else's server.";
    case "aud":
      return "The signature is fine, but the audience (aud) is not this service: the token was made for someone else.";
    case "typ":
      return "The signature is fine, but the header's typ is not the expected type: this is not an access token of that kind.";
    case "exp":
      return "exp is not a valid NumericDate (a number of seconds), so the expiry cannot be checked: refused.";
    default:
      return `The “${claim ?? "?"}” claim failed its check (${reason ?? "check failed"}).`;
  }
}

export function explainFailure(code: string, context: FailureContext = {}): string {
  switch (code) {
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return "The signature does not match the header and payload under this key. Either this is not the key that signed it, or a character of the token was changed after signing — a forgery.";
    case "ERR_JWT_EXPIRED":
      return "The signature is fine, but exp is in the past (beyond the clock tolerance): the token is dead. Every server refuses it, however genuine it is.";
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      return explainClaim(context.claim, context.reason);
    case "ERR_JOSE_ALG_NOT_ALLOWED":
      return `The token asks for alg ${typeof context.alg === "string" ? context.alg : "?"}, which this key may not be used with, so jose refused before any crypto. Binding each key to its algorithm is what defeats algorithm-confusion forgeries.`;
    case "ERR_JOSE_NOT_SUPPORTED":
      return typeof context.alg === "string" && context.alg.toLowerCase() === "none"
        ? "alg none means “no signature”: jose's jwtVerify refuses it outright, whatever key you give. Every server should."
        : "jose cannot do this combination (an unknown algorithm, or one a JWKS cannot serve, such as HMAC).";
    case "ERR_JWS_INVALID":
      return "This is not a well-formed signed token (three base64url parts with a valid JSON header), so there is nothing to verify.";
    case "ERR_JWT_INVALID":
      return "The signature is valid, but the payload is not a JSON object: this is a signed message, not a JWT, so there are no claims to check.";
    case "ERR_JWKS_NO_MATCHING_KEY":
      return "No key in the key set matches this token (its kid, or its alg and key type): the server does not know the key it claims to be signed with.";
    case "ERR_JWKS_MULTIPLE_MATCHING_KEYS":
      return "Several keys in the set match and the token names none (no kid): jose tried them and none verified.";
    case "KEY_WRONG_TYPE":
      return `This kind of key cannot be used with alg ${typeof context.alg === "string" ? context.alg : "?"} (for example a public key for HMAC, or a secret for ES256). jose refuses to mix them.`;
    case "INPUT_TOO_LARGE":
      return "The token is longer than the workbench verifies.";
    case "CLOCK_TOLERANCE_INVALID":
      return "The clock tolerance must be a number of seconds, 0 or more.";
    default:
      return "jose refused the token.";
  }
}
