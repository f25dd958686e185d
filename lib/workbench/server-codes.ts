/**
 * What AuthLab's answer to a sent token means, for the codes its JWT strategy returns
 * (lib/errors.ts). The server's own message says what failed; this says what the server did.
 */
const LESSONS = new Map<string, string>([
  ["TOKEN_SIGNATURE_INVALID", "The server recomputed the signature with its own key and it did not match: whoever signed this token did not have AuthLab's key. Editing a payload, or re-signing with a key of your own, always ends here."],
  ["TOKEN_KEY_UNKNOWN", "The header's kid names no key the server has. It looks kid up in its own fixed key set only — it never fetches or accepts a key the token brings."],
  ["TOKEN_ALG_NOT_ALLOWED", "The server accepts exactly one algorithm, the one its key is for. This token asked for another — alg none included — so it was refused before any crypto."],
  ["TOKEN_EXPIRED", "The signature may be genuine, but exp has passed on the server's auth clock (with 5 s of tolerance)."],
  ["TOKEN_CLAIM_INVALID", "The signature may be genuine, but a claim failed: iss must be authlab, aud authlab-api, typ at+jwt, iat not in the future nor older than a day, and sub, jti, role and email of the right types."],
  ["TOKEN_MALFORMED", "Not three base64url parts with a JSON header and payload: refused before any crypto."],
  ["TOKEN_TOO_LARGE", "Over 4,096 bytes: refused before it is even parsed, so a huge token cannot cost the server work."],
  ["TOKEN_REVOKED", "The signature is fine, but the denylist is on and this token's jti (or its user) is on it."],
  ["UNAUTHENTICATED", "No token arrived: nothing to verify."],
]);

export function serverCodeLesson(code: string | null): string | null {
  return code ? (LESSONS.get(code) ?? null) : null;
}
