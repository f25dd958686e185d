/**
 * The paths `proxy.ts` runs on (its `config.matcher`, which Next.js needs as a literal there).
 * The lab uses this list to say whether the proxy saw a request; a test keeps the two in step.
 */
export const PROXY_MATCHER = ["/dashboard/:path*", "/api/admin/:path*", "/api/auth/session/sessions/:path*", "/api/account/:path*"] as const;

/** Whether `pathname` is one the proxy runs on. */
export function proxyRunsOn(pathname: string): boolean {
  return PROXY_MATCHER.some((pattern) => {
    const prefix = pattern.replace("/:path*", "");
    return pathname === prefix || pathname.startsWith(`${prefix}/`);
  });
}
