import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A URL-safe random token from the CSPRNG. 32 bytes = 256 bits. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** Hex SHA-256. Stores keep only this, so a leaked table cannot be replayed as cookies. */
export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Constant-time string comparison, so that response timing does not leak a prefix match. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
