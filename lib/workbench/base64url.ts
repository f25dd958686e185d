/**
 * Strict base64url (RFC 4648 §5, no padding) for input a learner pasted. Unlike `atob`, nothing here
 * throws: a part that is not base64url comes back as null, so the page can say which part is wrong.
 */
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function decodeBase64Url(part: string): Uint8Array | null {
  // A length of 4n+1 cannot come from any byte string; atob would reject it, we say so first.
  if (!BASE64URL.test(part) || part.length % 4 === 1) return null;
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (part.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function encodeTextBase64Url(text: string): string {
  return encodeBase64Url(new TextEncoder().encode(text));
}

/** UTF-8 text of the bytes, or null when they are not valid UTF-8 (binary, or a cut-off character). */
export function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
