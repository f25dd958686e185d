import { NextResponse, type NextRequest } from "next/server";
import { cookieNames } from "@/lib/auth/cookies";
import { requestMode } from "@/lib/auth/mode";
import type { AuthResult } from "@/lib/auth/types";
import { authenticate } from "@/lib/auth/request-auth";
import { StoreUnavailableError } from "@/lib/errors";
import { applyCookies, errorJson } from "@/lib/http/respond";
import { credentialInput } from "@/lib/http/request";

/**
 * The first line of defence, never the only one: pages and route handlers authenticate again
 * through lib/auth (dal.ts, require-user.ts), so a path this matcher misses is still closed.
 * Nothing learnt here is passed on in a request header a client could forge.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const input = credentialInput(request);
  const mode = requestMode(request.nextUrl, input);
  const isApi = request.nextUrl.pathname.startsWith("/api/");

  if (isApi) {
    // Cheap early reject: no credential of the active kind at all. Full verification is the handler's.
    const names = cookieNames();
    const present = mode === "session" ? Boolean(input.cookies[names.session]) : Boolean(input.authorization || input.cookies[names.access]);
    return present ? NextResponse.next() : errorJson("UNAUTHENTICATED", { extra: { mode } });
  }

  let result: AuthResult;
  try {
    ({ result } = await authenticate(mode, input));
  } catch (error) {
    if (error instanceof StoreUnavailableError) return storeUnavailablePage(error);
    throw error;
  }
  if (result.ok) return NextResponse.next();

  const next = request.nextUrl.pathname + request.nextUrl.search;
  // The refresh cookie is scoped to /api/auth/jwt, so this request cannot see it: hand over to a page
  // that POSTs to the refresh endpoint and comes back, or goes on to the login page.
  const target =
    mode === "jwt" && (result.code === "TOKEN_EXPIRED" || result.code === "UNAUTHENTICATED")
      ? `/auth/refresh?next=${encodeURIComponent(next)}`
      : `/login?next=${encodeURIComponent(next)}&reason=${result.code}`;
  // Resolved against Next's own request URL, whose origin Next then strips again: the browser gets a
  // relative Location, so it stays on the origin it used (localhost or 127.0.0.1, cookies and all)
  // and a forged Host header can never aim the redirect at another site.
  const response = NextResponse.redirect(new URL(target, request.nextUrl), { status: 307, headers: { "Cache-Control": "no-store" } });
  applyCookies(response, result.cookies);
  return response;
}

/**
 * A page whose credential cannot be checked because the store is down: 503 with Retry-After, and
 * no Set-Cookie — the cookie is fine and must still work once the store is back (no mass logout).
 */
function storeUnavailablePage(error: StoreUnavailableError): NextResponse {
  const store = error.backend === "redis" ? "Redis" : (error.backend ?? "credential store");
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable — AuthLab</title>
<style>body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:40rem;padding:0 1rem;color:#0f172a;line-height:1.5}code{background:#f1f5f9;padding:0 .25rem}</style></head>
<body><main><h1>Temporarily unavailable (503)</h1>
<p>The server could not check your sign-in: the store that holds it (${store}) did not answer within its time limit.</p>
<p><strong>You are still signed in.</strong> Your cookie was left untouched, so the same session works again as soon as the store is back: <a href="">reload</a> in a few seconds.</p>
<p>Why not a 401? A 401 would clear the cookie: one store outage would log out everybody.</p></main></body></html>`;
  return new NextResponse(body, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": String(error.retryAfterSeconds) },
  });
}

export const config = {
  matcher: ["/dashboard/:path*", "/api/admin/:path*", "/api/auth/session/sessions/:path*", "/api/account/:path*"],
};
