import { safeStringify, type JsonObject } from "./json";
import { readNumericDate, TIME_CLAIMS } from "./times";

/**
 * What RFC 8725 (JWT Best Current Practices) warns about, found in one decoded token. Each warning
 * has a stable id (for tests and for linking), a level, and a plain explanation of the attack or
 * mistake behind it. Reading a token cannot prove it safe; these say what to look at.
 */
export type WarningLevel = "danger" | "caution" | "note";

export type WarningId =
  | "ALG_NONE"
  | "ALG_MISSING"
  | "ALG_SYMMETRIC_WHERE_PUBLIC_KEY_EXPECTED"
  | "HEADER_JKU"
  | "HEADER_JWK"
  | "HEADER_X5U"
  | "HEADER_X5C"
  | "HEADER_KID"
  | "KID_SUSPICIOUS"
  | "TYP_MISSING"
  | "TYP_GENERIC"
  | "EXP_MISSING"
  | "TIME_NOT_NUMERIC_DATE"
  | "TIME_ABSURD"
  | "EXP_BEFORE_IAT"
  | "NBF_AFTER_EXP"
  | "LONG_LIFETIME"
  | "IAT_IN_FUTURE"
  | "EXPIRED"
  | "NOT_YET_VALID"
  | "ISS_MISSING"
  | "AUD_MISSING"
  | "SECRET_IN_PAYLOAD";

export interface TokenWarning {
  id: WarningId;
  level: WarningLevel;
  title: string;
  why: string;
}

export interface WarningContext {
  nowMs: number;
  /** The verifier was given a public key or a JWKS: a symmetric `alg` is then an attack, not a choice. */
  expectPublicKey: boolean;
}

/** AuthLab's access tokens live 15 minutes and its server refuses any older than a day. */
export const LONG_LIFETIME_SECONDS = 86_400;

const SECRET_CLAIM = /pass(word|wd)?$|secret|private|ssn|credit.?card|cvv/i;

function fmtDuration(seconds: number): string {
  if (seconds >= 86_400 * 365) return `${Math.round(seconds / (86_400 * 365.25)).toLocaleString("en")} years`;
  if (seconds >= 86_400) return `${Math.round(seconds / 86_400).toLocaleString("en")} days`;
  return `${Math.round(seconds / 3600)} hours`;
}

function headerWarnings(header: JsonObject, ctx: WarningContext): TokenWarning[] {
  const found: TokenWarning[] = [];
  const alg = header.alg;
  if (typeof alg !== "string" || alg === "") {
    found.push({ id: "ALG_MISSING", level: "danger", title: "No alg in the header", why: "Every signed JWT names its algorithm. Without one, a lenient library may guess — and the token's maker chooses what it guesses." });
  } else if (alg.toLowerCase() === "none") {
    found.push({
      id: "ALG_NONE",
      level: "danger",
      title: `alg: ${alg} — an unsigned token`,
      why: "“none” means there is no signature: anyone can write any payload. A server that accepts it accepts forgeries. Servers must pin the algorithms they accept (AuthLab accepts exactly one) — some old libraries were also fooled by “None” or “NONE”.",
    });
  } else if (/^HS\d+$/i.test(alg) && ctx.expectPublicKey) {
    found.push({
      id: "ALG_SYMMETRIC_WHERE_PUBLIC_KEY_EXPECTED",
      level: "danger",
      title: `${alg} where a public key was expected`,
      why: "HS* is HMAC with a shared secret. If a server that holds a public key lets the token pick HS256, it may use the public key — which everyone has — as the HMAC secret, and accept a token anyone can sign (algorithm confusion). A key must be bound to exactly one algorithm.",
    });
  }
  if (Object.hasOwn(header, "jku")) found.push({ id: "HEADER_JKU", level: "danger", title: "jku header: “fetch my key from this URL”", why: "A server that fetches the key from a URL in the token lets the attacker host the key that verifies their own forgery — and makes the server request an address of the attacker's choosing. Keys come from the server's own configuration only." });
  if (Object.hasOwn(header, "jwk")) found.push({ id: "HEADER_JWK", level: "danger", title: "jwk header: the token carries its own key", why: "A token that brings its own public key proves only that someone signed it with the matching private key — anyone can make a key pair. A server must never verify with a key taken from the token." });
  if (Object.hasOwn(header, "x5u")) found.push({ id: "HEADER_X5U", level: "danger", title: "x5u header: “fetch my certificate from this URL”", why: "Like jku: following the URL lets the token choose its own key and makes the server fetch an attacker's address (server-side request forgery)." });
  if (Object.hasOwn(header, "x5c")) found.push({ id: "HEADER_X5C", level: "caution", title: "x5c header: certificates inside the token", why: "The chain proves nothing unless the server validates it against root certificates it pinned beforehand; used as-is it is another “bring your own key”." });
  if (Object.hasOwn(header, "kid")) {
    const kid = header.kid;
    if (typeof kid !== "string" || /[\\/'";]|\.\./.test(kid) || kid.length > 128) {
      found.push({ id: "KID_SUSPICIOUS", level: "danger", title: "kid looks like an injection attempt", why: `kid ${safeStringify(kid).slice(0, 80)} contains path, quote or SQL characters (or is not a short string). A server that builds a file path or a query from kid can be made to use a key the attacker knows (RFC 8725 §3.10). kid may only select from a fixed set.` });
    } else {
      found.push({ id: "HEADER_KID", level: "note", title: `kid: ${kid}`, why: "Fine on its own: it names which of the server's keys to use. The server must look it up in its own fixed set (AuthLab does) and never use it as a path, a URL or in a query." });
    }
  }
  const typ = header.typ;
  if (typ === undefined) {
    found.push({ id: "TYP_MISSING", level: "caution", title: "No typ in the header", why: "Without an explicit type, a token issued for one purpose (an ID token, a refresh credential, another app's token) can be replayed where an access token is expected. RFC 8725 §3.11 asks for explicit typing, e.g. at+jwt." });
  } else if (typeof typ === "string" && typ.toUpperCase() === "JWT") {
    found.push({ id: "TYP_GENERIC", level: "note", title: "typ: JWT says only “a JWT”", why: "It tells a verifier nothing about what the token is for. An explicit type such as at+jwt (AuthLab's) stops one kind of token being accepted as another." });
  }
  return found;
}

function timeWarnings(payload: JsonObject, ctx: WarningContext): TokenWarning[] {
  const found: TokenWarning[] = [];
  if (!Object.hasOwn(payload, "exp")) {
    found.push({ id: "EXP_MISSING", level: "danger", title: "No exp: this token never expires", why: "A stolen token without exp works forever, and a JWT cannot be revoked without a server-side lookup. Every access token needs a short exp (AuthLab's: 15 minutes)." });
  }
  const dates = new Map<string, number>();
  for (const claim of TIME_CLAIMS) {
    if (!Object.hasOwn(payload, claim)) continue;
    const date = readNumericDate(payload[claim]);
    if (date.ok) {
      dates.set(claim, date.seconds);
    } else if (date.problem === "not-a-number") {
      found.push({ id: "TIME_NOT_NUMERIC_DATE", level: "danger", title: `${claim} is not a number`, why: `${claim} must be seconds since 1970 as a JSON number; ${date.message}. Libraries disagree on what to do with it — some skip the check, which would make the token immortal.` });
    } else {
      found.push({ id: "TIME_ABSURD", level: "danger", title: `${claim} is absurd: ${safeStringify(payload[claim])}`, why: `${date.message}. No issuer means this. A verifier that turns it into a date may crash (a 500 instead of a 401) or treat the token as valid forever; it must be refused.` });
    }
  }
  const exp = dates.get("exp");
  const iat = dates.get("iat");
  const nbf = dates.get("nbf");
  const now = ctx.nowMs / 1000;
  if (exp !== undefined && iat !== undefined && exp < iat) {
    found.push({ id: "EXP_BEFORE_IAT", level: "caution", title: "exp is before iat", why: "It expired before it was issued: it was never valid. A careless issuer, or an edited token." });
  }
  if (exp !== undefined && nbf !== undefined && nbf > exp) {
    found.push({ id: "NBF_AFTER_EXP", level: "caution", title: "nbf is after exp", why: "There is no moment at which this token is valid." });
  }
  if (exp !== undefined) {
    const from = iat ?? now;
    const lifetime = exp - from;
    if (lifetime > LONG_LIFETIME_SECONDS) {
      found.push({ id: "LONG_LIFETIME", level: "caution", title: `Long lifetime: ${fmtDuration(lifetime)}${iat === undefined ? " from now" : ""}`, why: "A JWT cannot be taken back: if it leaks, it works until exp. Access tokens should live minutes (AuthLab's: 15 min, refused by its server after a day) and be renewed with a refresh token." });
    }
    if (exp < now) found.push({ id: "EXPIRED", level: "note", title: "Already expired", why: "exp is in the past on this device's clock: any server refuses it, whoever signed it." });
  }
  if (iat !== undefined && iat > now + 60) found.push({ id: "IAT_IN_FUTURE", level: "caution", title: "Issued in the future", why: "iat is later than now: the issuer's clock is wrong, or the token was edited. A verifier should refuse it (jose does when a maximum token age is set)." });
  if (nbf !== undefined && nbf > now) found.push({ id: "NOT_YET_VALID", level: "note", title: "Not valid yet", why: "nbf is in the future: a server refuses it until then." });
  return found;
}

function claimWarnings(payload: JsonObject): TokenWarning[] {
  const found: TokenWarning[] = [];
  if (!Object.hasOwn(payload, "iss")) found.push({ id: "ISS_MISSING", level: "caution", title: "No iss (issuer)", why: "A verifier cannot check who made the token. With several issuers sharing a key (or a JWKS), a token from one passes at the other (RFC 8725 §3.8)." });
  if (!Object.hasOwn(payload, "aud")) found.push({ id: "AUD_MISSING", level: "caution", title: "No aud (audience)", why: "A token for one service can be replayed against another that trusts the same issuer: nothing says whom it was for (RFC 8725 §3.9)." });
  const secretLike = Object.keys(payload).filter((key) => SECRET_CLAIM.test(key));
  if (secretLike.length > 0) {
    found.push({ id: "SECRET_IN_PAYLOAD", level: "danger", title: `Secret-looking claim: ${secretLike.join(", ")}`, why: "A JWT payload is only base64url: anyone who holds the token reads it, as this page just did. Never put secrets in it." });
  }
  return found;
}

/**
 * Every warning for one token, most serious first. Takes the decoded header and payload (either
 * may be null when it did not decode) and never throws.
 *
 * @example
 * tokenWarnings({ alg: "none" }, { sub: "1" }, { nowMs: Date.now(), expectPublicKey: false })
 *   .map((w) => w.id); // ["ALG_NONE", "TYP_MISSING", "EXP_MISSING", "ISS_MISSING", "AUD_MISSING"]
 */
export function tokenWarnings(header: JsonObject | null, payload: JsonObject | null, ctx: WarningContext): TokenWarning[] {
  const all = [...(header ? headerWarnings(header, ctx) : []), ...(payload ? timeWarnings(payload, ctx) : []), ...(payload ? claimWarnings(payload) : [])];
  const rank: Record<WarningLevel, number> = { danger: 0, caution: 1, note: 2 };
  // Array.prototype.sort is stable: within one level the order above (header, times, claims) stays.
  return all.sort((a, b) => rank[a.level] - rank[b.level]);
}
