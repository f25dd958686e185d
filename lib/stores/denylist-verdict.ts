import type { DenylistEntryRecord } from "./types";

/** A `jti:` row always revokes; a `sub:` row revokes tokens issued before its `notBefore`. */
export function verdictFor(rows: DenylistEntryRecord[], issuedAtMs: number): "jti" | "sub" | null {
  for (const row of rows) {
    if (row.key.startsWith("jti:")) return "jti";
  }
  for (const row of rows) {
    if (row.key.startsWith("sub:") && row.notBefore && issuedAtMs < row.notBefore.getTime()) return "sub";
  }
  return null;
}
