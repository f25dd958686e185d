import { randomBytes } from "node:crypto";

/** The server's shared lab, for clients without a lab cookie (curl, the README's examples). Never expires. */
export const DEFAULT_LAB_ID = "default";

/** Lower-case letters and digits without look-alikes (no 0/o, 1/l/i): easy to read off a projector. */
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const LENGTH = 10;
const LAB_ID_PATTERN = /^(default|[2-9a-hjkmnp-z]{10})$/;

/**
 * A new lab id: 10 characters (~49 bits). Public on purpose — it is shown in the header and carried
 * in every credential — so it is not what protects a lab: the lab cookie's HMAC is.
 */
export function newLabId(): string {
  const bytes = randomBytes(LENGTH);
  let id = "";
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

export function isLabId(value: unknown): value is string {
  return typeof value === "string" && LAB_ID_PATTERN.test(value);
}

/** The header that may carry the lab cookie's value instead, for a request sent without cookies. */
export const LAB_HEADER = "x-authlab-lab";
