/**
 * One person, one account: Unicode NFKC (so full-width and composed forms collapse), trimmed,
 * lower-cased. `Alice@Example.com` and `ａｌｉｃｅ@example.com` are the same address here.
 */
export function normalizeEmail(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase();
}
