/**
 * A redirect target taken from input must be a same-origin path: "/dashboard?x=1" passes;
 * "https://evil.test", "//evil.test", "/\\evil.test" and "javascript:…" fall back to `fallback`.
 */
export function safeNextPath(raw: string | null | undefined, fallback = "/dashboard"): string {
  if (!raw || raw.length > 512) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(raw)) return fallback;
  try {
    const url = new URL(raw, "http://authlab.invalid");
    if (url.origin !== "http://authlab.invalid") return fallback;
    // Checked after normalisation too: dot segments turn "/.//evil.test" into "//evil.test", which a
    // browser follows as the protocol-relative URL https://evil.test.
    if (url.pathname.startsWith("//")) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
