// Requests the server entry answers itself, before Next.js sees them: what the framework would
// turn into a 500 or a redirect to another host. Each gets a 4xx with a stable error code.

/** The methods any route of this app answers; TRACE, CONNECT and inventions are refused (405). */
export const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Why a request must not reach the app, or null. `url` is the request target as received.
 * - a method outside ALLOWED_METHODS → 405 METHOD_NOT_ALLOWED (Next builds a Request and throws);
 * - an absolute-form target (`GET http://evil.test/…`) → 400: the framework would redirect to its host;
 * - a path whose percent-escapes do not decode → 400 (Next fails decoding a dynamic segment with a 500).
 */
export function refusal(method, url) {
  if (!ALLOWED_METHODS.has(method ?? "")) {
    return { status: 405, code: "METHOD_NOT_ALLOWED", message: "This server does not accept that method.", headers: { allow: [...ALLOWED_METHODS].join(", ") } };
  }
  const target = url ?? "";
  if (!target.startsWith("/")) return { status: 400, code: "BAD_REQUEST_TARGET", message: "The request target must be a path (origin-form).", headers: {} };
  const path = target.split("?", 1)[0] ?? "";
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, code: "BAD_REQUEST_TARGET", message: "The request path holds a malformed percent-escape.", headers: {} };
  }
  return null;
}
