import type { CredentialInput } from "../auth/types";

/** Parses a Cookie header. Later duplicates do not override the first (RFC 6265 §5.4 order). */
export function parseCookieHeader(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !(name in out)) out[name] = part.slice(eq + 1).trim();
  }
  return out;
}

/** What a strategy needs from a request, without framework types. */
export function credentialInput(request: Request): CredentialInput {
  return {
    cookies: parseCookieHeader(request.headers.get("cookie")),
    authorization: request.headers.get("authorization"),
    userAgent: request.headers.get("user-agent"),
  };
}

/**
 * The client address for rate limiting. Next's server appends the socket's peer address to
 * `X-Forwarded-For`, so the last entry is the one a client cannot choose.
 */
export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || "unknown";
}
