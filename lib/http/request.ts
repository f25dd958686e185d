import { CLIENT_ADDRESS_HEADER } from "../../scripts/lib/client-address.mjs";
import { SERVER_ENTRY_MARK } from "../../scripts/lib/startup.mjs";
import type { CredentialInput } from "../auth/types";
import { LAB_HEADER } from "../labs/lab-id";

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

/** What a strategy needs from a request (or from a server component's headers), without framework types. */
export function credentialInput(request: Request | { headers: Headers }): CredentialInput {
  const { headers } = request;
  let userAgent: string | null | undefined;
  return {
    cookies: parseCookieHeader(headers.get("cookie")),
    authorization: headers.get("authorization"),
    // Read when asked (a login records it): every header read costs the hot path a few µs.
    get userAgent() {
      return (userAgent ??= headers.get("user-agent"));
    },
    lab: headers.get(LAB_HEADER),
  };
}

/**
 * The client's address, for the limits that count by it. The server entry (scripts/server.mjs) puts
 * it in one header, from the TCP peer or from exactly the TRUSTED_PROXY_HOPS hops the operator
 * declared, overwriting anything a client sent under that name; X-Forwarded-For itself is never
 * read here (a client can write anything into it). Outside that entry (unit tests) the header
 * means nothing and the address is "unknown".
 */
export function clientAddress(request: Request | { headers: Headers }): string {
  if (!(globalThis as Record<symbol, unknown>)[SERVER_ENTRY_MARK]) return "unknown";
  return request.headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}

/**
 * One query parameter of a request URL, without building a URL object (a route handler's hot path
 * needs `?mode=` and nothing else from the query string).
 */
export function queryParam(url: string, name: string): string | null {
  const start = url.indexOf("?");
  if (start === -1) return null;
  const end = url.indexOf("#", start);
  return new URLSearchParams(url.slice(start + 1, end === -1 ? undefined : end)).get(name);
}
