/**
 * What each header parameter and claim means, in one line a learner can read without the RFCs.
 * Looked up through a Map, not an object literal: a token may carry a member called "constructor"
 * or "__proto__", and a plain object would answer with its prototype's function.
 */
export interface FieldExplanation {
  /** Short name for the field ("Expires at"). */
  title: string;
  /** One plain sentence: what it is and why a verifier cares. */
  meaning: string;
  /** Where it is defined. */
  source: string;
}

const HEADER_FIELDS = new Map<string, FieldExplanation>([
  ["alg", { title: "Algorithm", meaning: "How the signature was made (HS256 = HMAC with a shared secret; ES256, EdDSA, RS256 = a private key, checked with a public key; none = no signature). A verifier must decide this itself, never take it from the token.", source: "RFC 7515 §4.1.1" }],
  ["typ", { title: "Type", meaning: "What kind of token this is. AuthLab's access tokens say at+jwt (RFC 9068), so a token made for something else cannot pass as one.", source: "RFC 7515 §4.1.9, RFC 8725 §3.11" }],
  ["kid", { title: "Key id", meaning: "A label saying which of the verifier's keys to use. It may only select from keys the verifier already has — never name a file, a URL or a database row.", source: "RFC 7515 §4.1.4" }],
  ["cty", { title: "Content type", meaning: "What the payload is; only set for nested tokens (a JWT inside a JWT).", source: "RFC 7515 §4.1.10" }],
  ["jku", { title: "JWK Set URL", meaning: "A URL where the token says its key can be fetched. A server must never follow it: the attacker who made the token would host the key.", source: "RFC 7515 §4.1.2" }],
  ["jwk", { title: "Embedded key", meaning: "A public key carried inside the token itself. Trusting it means trusting whoever made the token — anyone can sign with their own key.", source: "RFC 7515 §4.1.3" }],
  ["x5u", { title: "Certificate URL", meaning: "A URL of an X.509 certificate chain for the key. Following it lets the token choose its own key, and makes the server fetch a URL of the attacker's choosing (SSRF).", source: "RFC 7515 §4.1.5" }],
  ["x5c", { title: "Certificate chain", meaning: "X.509 certificates carried in the token. Only safe if the chain is validated against roots the server pinned in advance.", source: "RFC 7515 §4.1.6" }],
  ["x5t", { title: "Certificate thumbprint (SHA-1)", meaning: "A fingerprint naming which certificate signed it: like kid, only a pointer into keys the verifier already has.", source: "RFC 7515 §4.1.7" }],
  ["x5t#S256", { title: "Certificate thumbprint (SHA-256)", meaning: "A fingerprint naming which certificate signed it: like kid, only a pointer into keys the verifier already has.", source: "RFC 7515 §4.1.8" }],
  ["crit", { title: "Critical extensions", meaning: "Header names the verifier must understand, or else reject the token.", source: "RFC 7515 §4.1.11" }],
  ["b64", { title: "Unencoded payload", meaning: "false means the payload is not base64url-encoded (RFC 7797); rare, and only valid when listed in crit.", source: "RFC 7797 §3" }],
]);

const PAYLOAD_FIELDS = new Map<string, FieldExplanation>([
  ["iss", { title: "Issuer", meaning: "Who made the token. A verifier checks it is the issuer it trusts (AuthLab: authlab).", source: "RFC 7519 §4.1.1" }],
  ["sub", { title: "Subject", meaning: "Who the token is about — for AuthLab, the user's id.", source: "RFC 7519 §4.1.2" }],
  ["aud", { title: "Audience", meaning: "Who the token is for. A verifier refuses a token made for another service (AuthLab: authlab-api).", source: "RFC 7519 §4.1.3" }],
  ["exp", { title: "Expires at", meaning: "After this moment the token must be refused, however good its signature. It is the only thing that ends a JWT without a server-side lookup.", source: "RFC 7519 §4.1.4" }],
  ["nbf", { title: "Not before", meaning: "Before this moment the token must be refused.", source: "RFC 7519 §4.1.5" }],
  ["iat", { title: "Issued at", meaning: "When the token was made; lets a verifier refuse tokens that are too old, or dated in the future.", source: "RFC 7519 §4.1.6" }],
  ["jti", { title: "Token id", meaning: "A unique id for this one token: what a denylist records to revoke it before exp.", source: "RFC 7519 §4.1.7" }],
  ["role", { title: "Role (AuthLab)", meaning: "The user's role when the token was issued. The server trusts it without asking the database until exp — which is why a demotion only shows after a refresh.", source: "AuthLab" }],
  ["email", { title: "Email (AuthLab)", meaning: "The user's email at issue time. Readable by anyone holding the token: a JWT is signed, not encrypted.", source: "AuthLab" }],
  ["scope", { title: "Scope", meaning: "What the token allows, as space-separated words (OAuth).", source: "RFC 8693 §4.2" }],
  ["client_id", { title: "Client id", meaning: "Which OAuth client the token was issued to.", source: "RFC 8693 §4.3" }],
  ["azp", { title: "Authorized party", meaning: "The client an OpenID Connect ID token was issued to.", source: "OpenID Connect Core §2" }],
  ["nonce", { title: "Nonce", meaning: "A value the client chose at login, echoed back so an ID token cannot be replayed into another login.", source: "OpenID Connect Core §2" }],
  ["auth_time", { title: "Authenticated at", meaning: "When the user actually logged in (not when this token was made).", source: "OpenID Connect Core §2" }],
]);

export function explainHeaderField(name: string): FieldExplanation | null {
  return HEADER_FIELDS.get(name) ?? null;
}

export function explainClaim(name: string): FieldExplanation | null {
  return PAYLOAD_FIELDS.get(name) ?? null;
}

/** The registered claims a learner should meet even when a token lacks them (shown as "absent"). */
export const REGISTERED_CLAIMS = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"] as const;
