import { decodeBase64Url, utf8OrNull } from "./base64url";
import { describeJsonType, isJsonObject, type JsonObject } from "./json";

/**
 * The longest input the workbench decodes. AuthLab's own tokens are ~400 bytes and its server refuses
 * anything over 4 KiB; ID tokens from other issuers can be a few KiB. Past this we stop before any
 * parsing, so a pasted megabyte cannot freeze the tab.
 */
export const MAX_TOKEN_INPUT_CHARS = 16_384;

/** One base64url part of a compact JWS, decoded as far as it goes. */
export interface DecodedSegment {
  encoded: string;
  /** The decoded bytes as UTF-8 text, or null when they are not base64url or not UTF-8. */
  text: string | null;
  /** The JSON object inside, or null. */
  json: JsonObject | null;
  /** Why this part is not a JSON object, in plain words; null when it is one. */
  problem: string | null;
}

export interface DecodedSignature {
  encoded: string;
  /** How many bytes the signature is (32 for HS256, 64 for ES256 and EdDSA, 256 for RS256 with a 2048-bit key). */
  byteLength: number | null;
  problem: string | null;
}

export type DecodeResult =
  | { ok: false; reason: "empty" | "too-large" | "encrypted" | "wrong-shape"; message: string }
  | {
      ok: true;
      /** The token as decoded: whitespace and a `Bearer ` prefix removed. */
      token: string;
      header: DecodedSegment;
      payload: DecodedSegment;
      signature: DecodedSignature;
      /** True when header and payload are JSON objects and the signature part is base64url. */
      isJwt: boolean;
      /** What was cleaned up before decoding, said to the learner. */
      notes: string[];
    };

function decodeSegment(encoded: string, what: "header" | "payload"): DecodedSegment {
  if (encoded === "") return { encoded, text: null, json: null, problem: `The ${what} part is empty.` };
  const bytes = decodeBase64Url(encoded);
  if (!bytes) return { encoded, text: null, json: null, problem: `The ${what} part is not base64url (only A–Z, a–z, 0–9, - and _ may appear).` };
  const text = utf8OrNull(bytes);
  if (text === null) return { encoded, text: null, json: null, problem: `The ${what} decodes to ${bytes.length} bytes that are not UTF-8 text.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { encoded, text, json: null, problem: `The ${what} decodes to text that is not JSON.` };
  }
  if (!isJsonObject(value)) return { encoded, text, json: null, problem: `The ${what} is JSON but ${describeJsonType(value)}, not an object: a JWT ${what} is always an object.` };
  return { encoded, text, json: value, problem: null };
}

function decodeSignature(encoded: string): DecodedSignature {
  if (encoded === "") return { encoded, byteLength: 0, problem: null };
  const bytes = decodeBase64Url(encoded);
  return bytes ? { encoded, byteLength: bytes.length, problem: null } : { encoded, byteLength: null, problem: "The signature part is not base64url." };
}

/**
 * Splits and decodes a compact JWT the way any holder can: no key, just base64url and JSON. Never
 * throws, whatever it is given; each part reports its own problem so the page can show where a
 * token breaks.
 *
 * @example
 * const decoded = decodeToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig");
 * if (decoded.ok) decoded.payload.json; // { sub: "1" }
 */
export function decodeToken(input: string): DecodeResult {
  if (input.length > MAX_TOKEN_INPUT_CHARS) {
    return { ok: false, reason: "too-large", message: `That is ${input.length.toLocaleString("en")} characters; the workbench decodes at most ${MAX_TOKEN_INPUT_CHARS.toLocaleString("en")}. AuthLab's server refuses anything over 4,096 before looking inside.` };
  }
  const notes: string[] = [];
  let token = input.trim();
  const bearer = /^Bearer\s+/i.exec(token);
  if (bearer) {
    token = token.slice(bearer[0].length);
    notes.push("Removed the “Bearer ” prefix: it belongs to the Authorization header, not to the token.");
  }
  if (/\s/.test(token)) {
    // Tokens copied from an RFC or a terminal come wrapped over lines; base64url has no whitespace, so dropping it loses nothing.
    token = token.replace(/\s+/g, "");
    notes.push("Removed spaces and line breaks.");
  }
  if (token === "") return { ok: false, reason: "empty", message: "Paste a token to decode it." };
  const parts = token.split(".");
  if (parts.length === 5) {
    return { ok: false, reason: "encrypted", message: "Five parts: this is an encrypted JWT (JWE). Unlike a signed JWT, its payload cannot be read without the decryption key, so the workbench cannot show it." };
  }
  if (parts.length !== 3) {
    return { ok: false, reason: "wrong-shape", message: `A signed JWT has three base64url parts separated by two dots (header.payload.signature); this has ${parts.length === 1 ? "no dot" : `${parts.length} parts`}.` };
  }
  const [header = "", payload = "", signature = ""] = parts;
  const decoded = { header: decodeSegment(header, "header"), payload: decodeSegment(payload, "payload"), signature: decodeSignature(signature) };
  return { ok: true, token, ...decoded, isJwt: decoded.header.json !== null && decoded.payload.json !== null && decoded.signature.problem === null, notes };
}
