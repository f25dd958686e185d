/**
 * The paths `proxy.ts` runs on (its `config.matcher`, which Next.js needs as a literal there): the
 * guarded API prefixes, then every page. The lab uses this to say whether the proxy saw a request;
 * a test keeps the two in step.
 */
export const PROXY_MATCHER = ["/api/admin/:path*", "/api/auth/session/sessions/:path*", "/api/account/:path*", "/((?!api/|_next/|\\.well-known/|.*\\.[a-z0-9]+$).*)"] as const;

const API_PREFIXES = PROXY_MATCHER.filter((p) => p.startsWith("/api/")).map((p) => p.replace("/:path*", ""));
const PAGE_PATTERN = /^\/(?!api\/|_next\/|\.well-known\/|.*\.[a-z0-9]+$).*$/;

/** Whether `pathname` is one the proxy runs on. */
export function proxyRunsOn(pathname: string): boolean {
  if (pathname.startsWith("/api/")) return API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  return PAGE_PATTERN.test(pathname);
}
