import { NextResponse, type NextRequest } from "next/server";
import { resolveMode } from "@/lib/auth/mode";
import { services } from "@/lib/auth/services";
import { ApiError, ERRORS, StoreUnavailableError } from "@/lib/errors";
import { labCookie, labCookieName, readLabCookie } from "@/lib/labs/lab-cookie";
import { createLab } from "@/lib/labs/labs";
import { labState, type LabState } from "@/lib/labs/lab-state";
import { labNow, settingsFor } from "@/lib/labs/request-lab";
import { applyCookies, errorJson } from "@/lib/http/respond";
import { clientAddress, credentialInput } from "@/lib/http/request";
import { withStoreScope } from "@/lib/stores/store-errors";
import { Trace } from "@/lib/trace/trace";
import { isCrossOriginRequest } from "@/lib/http/cross-origin";
import { recordCrossOriginRefusal } from "@/lib/http/cross-origin-events";
import { appEnv } from "@/lib/config/env";
import type { CookieInstruction } from "@/lib/auth/types";

/** Headers every page carries (APIs get theirs from lib/http/respond.ts). */
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

/** Pages behind a login: the proxy's optimistic check runs on these. */
const GUARDED_PAGES = ["/dashboard"];
/** The "attacker's" pages of the CSRF lessons: another site as far as the browser is concerned, so no lab of their own. */
const LABLESS_PAGES = ["/lab/csrf-attack", "/scenarios/csrf-attacker"];

const startsWithAny = (path: string, prefixes: readonly string[]) => prefixes.some((p) => path === p || path.startsWith(`${p}/`));

/**
 * The first line of defence, never the only one, and where a visitor's lab begins.
 * - Pages: a browser without a lab (first visit, or its lab expired) gets a new one here, its
 *   cookie set on the answer and handed to the page in this very request. Guarded pages get the
 *   optimistic check the Next.js docs prescribe — the credential's crypto only (unseal, or
 *   signature and claims), no store lookup, no sliding-expiry write; the page authenticates fully.
 * - Guarded API prefixes: a cheap early reject when no credential of the mode is there at all.
 * Route handlers and pages authenticate again themselves (lib/http/route.ts, lib/auth/dal.ts), so a
 * path this matcher misses is still closed. Nothing learnt here about identity is passed on.
 */
export function proxy(request: NextRequest): Promise<NextResponse> {
  return withStoreScope(() => handle(request));
}

async function handle(request: NextRequest): Promise<NextResponse> {
  const input = credentialInput(request);
  const mode = resolveMode(input, request.nextUrl.searchParams.get("mode"));
  const path = request.nextUrl.pathname;

  if (path.startsWith("/api/")) {
    return services().strategy(mode).hasCredential(input) ? NextResponse.next() : errorJson("UNAUTHENTICATED", { extra: { mode } }) as NextResponse;
  }
  if (startsWithAny(path, LABLESS_PAGES)) return withPageHeaders(NextResponse.next());
  // A state-changing request to a page is a server action (the login, register and password
  // forms): the same cross-origin rule as the APIs, answered here as a 403 — Next's own check
  // would refuse it with a 500.
  if (isCrossOriginRequest(request)) {
    await recordCrossOriginRefusal(request);
    return page(403, "Cross-origin request refused", [ERRORS.CROSS_ORIGIN_REQUEST.message], 0);
  }

  let lab: LabState;
  let newCookie: CookieInstruction | null = null;
  try {
    const found = await visitorLab(input.cookies[labCookieName()]);
    if (found) lab = found;
    else {
      lab = await createLab(clientAddress(request));
      newCookie = labCookie(lab.id);
    }
  } catch (error) {
    if (error instanceof StoreUnavailableError) return unavailablePage(error);
    if (error instanceof ApiError && ERRORS[error.code].status === 429) return tooManyLabsPage(error);
    throw error;
  }

  // The page renders in this same request: it must see the lab the browser is only now being given.
  const forward = newCookie ? withCookie(request.headers, newCookie) : undefined;
  const pass = () => {
    const response = forward ? NextResponse.next({ request: { headers: forward } }) : NextResponse.next();
    if (newCookie) applyCookies(response, [newCookie]);
    return withPageHeaders(response);
  };

  if (!startsWithAny(path, GUARDED_PAGES)) return pass();

  const settings = await settingsFor(lab);
  const verdict = await services().strategy(mode).optimistic(input, { labId: lab.id, now: labNow(lab), settings, trace: new Trace(mode, appEnv().instanceId) });
  if (verdict.ok) return pass();

  const next = request.nextUrl.pathname + request.nextUrl.search;
  // The refresh cookie is scoped to /api/auth/jwt, so this request cannot see it: hand over to a page
  // that POSTs to the refresh endpoint and comes back, or goes on to the login page.
  const target =
    mode === "jwt" && (verdict.code === "TOKEN_EXPIRED" || verdict.code === "UNAUTHENTICATED")
      ? `/auth/refresh?next=${encodeURIComponent(next)}`
      : `/login?next=${encodeURIComponent(next)}&reason=${verdict.code}`;
  // Resolved against Next's own request URL, whose origin Next then strips again: the browser gets a
  // relative Location, so it stays on the origin it used (localhost or 127.0.0.1, cookies and all)
  // and a forged Host header can never aim the redirect at another site.
  const response = NextResponse.redirect(new URL(target, request.nextUrl), { status: 307, headers: { "Cache-Control": "no-store" } });
  if (newCookie) applyCookies(response, [newCookie]);
  return withPageHeaders(response);
}

/** The lab a browser's cookie proves, if that lab still exists; null when it needs a new one. */
async function visitorLab(cookie: string | undefined): Promise<LabState | null> {
  const reading = readLabCookie(cookie);
  if (reading.kind !== "lab") return null;
  const lab = await labState(reading.labId);
  // A cookie of the default lab (from an API client) is not a browser's own lab either.
  return lab && !lab.isDefault ? lab : null;
}

/** The request's headers with `cookie` added (replacing any cookie of the same name). */
function withCookie(headers: Headers, cookie: CookieInstruction): Headers {
  const forward = new Headers(headers);
  const others = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith(`${cookie.name}=`));
  forward.set("cookie", [...others, `${cookie.name}=${cookie.value}`].join("; "));
  return forward;
}

function withPageHeaders(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(PAGE_HEADERS)) response.headers.set(name, value);
  return response;
}

function page(status: number, title: string, paragraphs: string[], retryAfterSeconds: number): NextResponse {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — AuthLab</title>
<style>body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:40rem;padding:0 1rem;color:#0f172a;line-height:1.5}</style></head>
<body><main><h1>${title} (${status})</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("")}</main></body></html>`;
  return withPageHeaders(new NextResponse(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": String(retryAfterSeconds) } }));
}

/**
 * A page whose lab cannot be read because the database is down: 503 with Retry-After, and no
 * Set-Cookie — the cookies are fine and must still work once the store is back (no mass logout).
 */
function unavailablePage(error: StoreUnavailableError): NextResponse {
  const store = error.backend === "redis" ? "Redis" : (error.backend ?? "a store");
  return page(503, "Temporarily unavailable", [
    `The server could not find or set up your lab: a store it needs (${store}) did not answer within its time limit.`,
    "Your cookies were left untouched — if you were signed in, you still are — so everything works again as soon as the store is back: <a href=\"\">reload</a> in a few seconds.",
    "Why not a 401? A 401 would clear the cookie: one store outage would log out everybody.",
  ], error.retryAfterSeconds);
}

/** A first visit that cannot get a lab: this address made too many, or the server is at its cap. */
function tooManyLabsPage(error: ApiError): NextResponse {
  const retryAfter = Number(error.headers["Retry-After"] ?? "60");
  return page(429, "No lab available right now", [
    error.message,
    `Each visitor gets a lab of their own, and this server limits how many it holds and how many one address may create. Try again in ${retryAfter} s.`,
  ], retryAfter);
}

/**
 * The guarded API prefixes (the cheap early reject), then every page: not the APIs, not Next's own
 * files, not static files with an extension. lib/auth/proxy-paths.ts lists the same (a test compares).
 */
export const config = {
  matcher: ["/api/admin/:path*", "/api/auth/session/sessions/:path*", "/api/account/:path*", "/((?!api/|_next/|\\.well-known/|.*\\.[a-z0-9]+$).*)"],
};
