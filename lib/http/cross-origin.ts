import { appEnv } from "../config/env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-origin protection in the style of Go 1.25's `http.CrossOriginProtection`:
 * 1. safe methods pass (and never change state);
 * 2. `Sec-Fetch-Site: same-origin` or `none` passes; `cross-site`/`same-site` is refused;
 * 3. without Sec-Fetch-Site, an `Origin` must match the request's own Host (or a trusted origin);
 * 4. a request with neither header is not from a browser (curl, a server) and passes: it cannot
 *    carry a victim's cookies by accident.
 * This also stops login CSRF, because login is a POST like any other.
 */
export function isCrossOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get("origin");
  const trusted = origin !== null && appEnv().trustedOrigins.includes(origin);
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site === "same-origin" || site === "none") return false;
    return !trusted;
  }
  if (origin === null) return false;
  if (trusted) return false;
  const host = request.headers.get("host");
  try {
    return host === null || new URL(origin).host !== host;
  } catch {
    return true;
  }
}
