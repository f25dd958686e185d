import { serializeCookie } from "../auth/cookies";
import type { CookieInstruction } from "../auth/types";
import { ERRORS, type ErrorCode } from "../errors";
import type { Trace } from "../trace/trace";

export interface RespondOptions {
  status?: number;
  cookies?: readonly CookieInstruction[];
  trace?: Trace;
  headers?: Record<string, string>;
}

/**
 * Headers every API answer carries. Credentials and traces are per user: never cached anywhere.
 * (Pages get theirs from proxy.ts; there is no catch-all `headers()` rule in next.config to pay
 * for on every request.)
 */
const API_HEADERS: Readonly<Record<string, string>> = {
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

/** Applies a strategy's cookie instructions to a response: the one place cookies are written. */
export function applyCookies(response: Response, cookies: readonly CookieInstruction[] = []): void {
  for (const cookie of cookies) response.headers.append("set-cookie", serializeCookie(cookie));
}

function headersFor(options: RespondOptions, contentType: string | null): Headers {
  const headers = new Headers(API_HEADERS);
  if (contentType) headers.set("content-type", contentType);
  if (options.trace) {
    const timing = options.trace.serverTiming();
    if (timing) headers.set("server-timing", timing);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  for (const cookie of options.cookies ?? []) headers.append("set-cookie", serializeCookie(cookie));
  return headers;
}

/** A JSON answer: plain `Response` (no NextResponse wrapper to build on the hot path). */
export function json(body: unknown, options: RespondOptions = {}): Response {
  // Before serialising: the body may hold the trace, which then lists the cookies this response sets.
  if (options.trace && options.cookies) options.trace.recordCookies(options.cookies);
  return new Response(JSON.stringify(body), { status: options.status ?? 200, headers: headersFor(options, "application/json") });
}

/**
 * 204 has no body, so the trace of a logout travels in a header the lab reads
 * (`X-AuthLab-Trace`, base64url JSON) besides the standard Server-Timing.
 */
export function noContent(options: RespondOptions = {}): Response {
  const headers = headersFor(options, null);
  if (options.trace) {
    if (options.cookies) options.trace.recordCookies(options.cookies);
    options.trace.setVerdict(true, 204);
    headers.set("x-authlab-trace", Buffer.from(JSON.stringify(options.trace)).toString("base64url"));
  }
  return new Response(null, { status: 204, headers });
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

export function errorBody(code: ErrorCode, message?: string, details?: Record<string, unknown>): ErrorBody {
  const error: ErrorBody["error"] = { code, message: message ?? ERRORS[code].message };
  if (details) error.details = details;
  return { error };
}

/** `{ error: { code, message } }` with the registry's status, plus anything extra (mode, trace). */
export function errorJson(code: ErrorCode, options: RespondOptions & { message?: string; details?: Record<string, unknown>; extra?: Record<string, unknown> } = {}): Response {
  const body = { ...errorBody(code, options.message, options.details), ...options.extra };
  if (options.trace) options.trace.setVerdict(false, ERRORS[code].status, code);
  return json(body, { ...options, status: ERRORS[code].status });
}
