/**
 * Reading and forging compact JWTs the way an attacker would: no key, just base64url. Pure, so it
 * runs in the browser (the tampering scenario) and in unit tests. Nothing here verifies anything.
 */
export type JsonObject = Record<string, unknown>;

export function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function parseObject(part: string | undefined): JsonObject | null {
  if (!part) return null;
  try {
    const value: unknown = JSON.parse(base64UrlDecode(part));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

export interface JwtParts {
  header: JsonObject | null;
  payload: JsonObject | null;
  signature: string;
}

/** Splits and decodes a compact JWT; parts that do not decode come back null. */
export function decodeJwt(token: string): JwtParts {
  const [header, payload, signature = ""] = token.split(".");
  return { header: parseObject(header), payload: parseObject(payload), signature };
}

/** The same header and signature around a new payload: what "edit the payload" produces. */
export function withPayload(token: string, payload: JsonObject): string {
  const [header = "", , signature = ""] = token.split(".");
  return `${header}.${base64UrlEncode(JSON.stringify(payload))}.${signature}`;
}

/** An unsigned token (`alg: none`, empty signature) carrying the given payload. */
export function unsignedToken(token: string, payload: JsonObject): string {
  const header = { ...(decodeJwt(token).header ?? {}), alg: "none" };
  return `${base64UrlEncode(JSON.stringify(header))}.${base64UrlEncode(JSON.stringify(payload))}.`;
}

/** Parses a learner's edited payload; only a JSON object is a payload. */
export function parsePayload(text: string): { ok: true; payload: JsonObject } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, message: "The payload must be a JSON object." };
    return { ok: true, payload: value as JsonObject };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? `Not valid JSON: ${error.message}` : "Not valid JSON." };
  }
}

/** The claims a learner cares about, in reading order, for a one-line view of a payload. */
export function claimSummary(payload: JsonObject | null): string {
  if (!payload) return "(payload does not decode)";
  const keys = ["email", "role", "jti", "iat", "exp"];
  return keys
    .filter((k) => k in payload)
    .map((k) => `${k}: ${JSON.stringify(payload[k])}`)
    .join(", ");
}
