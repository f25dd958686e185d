/** What an `Authorization` header holds, as far as this app cares (RFC 6750 §2.1, RFC 9110 §11.6.2). */
export type AuthorizationHeader =
  | { scheme: "none" }
  /** `token` is null when the header says Bearer but does not carry exactly one token68. */
  | { scheme: "bearer"; token: string | null }
  /** Basic, Digest, …: not a credential of this app, and never mistaken for one. */
  | { scheme: "other"; name: string };

const BEARER = /^Bearer(?:\s+(.*))?$/i;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Reads an Authorization header. Only the Bearer scheme carries an access token here; any other
 * scheme (a Basic header from an HTTP-auth gate in front of the lab, say) is reported as such so
 * that callers ignore it instead of taking it for a token and hiding the access cookie behind it.
 *
 * @example
 * parseAuthorization("Bearer eyJ…") // → { scheme: "bearer", token: "eyJ…" }
 * parseAuthorization("Basic dXNlcjpwYXNz") // → { scheme: "other", name: "Basic" }
 */
export function parseAuthorization(header: string | null | undefined): AuthorizationHeader {
  const value = header?.trim();
  if (!value) return { scheme: "none" };
  const bearer = BEARER.exec(value);
  if (bearer) {
    const token = bearer[1]?.trim() ?? "";
    return { scheme: "bearer", token: TOKEN68.test(token) ? token : null };
  }
  return { scheme: "other", name: value.split(/\s/, 1)[0] ?? "" };
}

/** The Bearer token of a header, if it carries a well-formed one. */
export function bearerToken(header: string | null | undefined): string | null {
  const parsed = parseAuthorization(header);
  return parsed.scheme === "bearer" ? parsed.token : null;
}
