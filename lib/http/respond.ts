import { NextResponse } from "next/server";
import { serializeCookie } from "../auth/cookies";
import type { CookieInstruction } from "../auth/types";
import { ERRORS, type ErrorCode } from "../errors";
import type { Trace } from "../trace/trace";

export interface RespondOptions {
  status?: number;
  cookies?: CookieInstruction[];
  trace?: Trace;
  headers?: Record<string, string>;
}

/** Applies a strategy's cookie instructions to a response: the one place cookies are written. */
export function applyCookies(response: Response, cookies: CookieInstruction[] = []): void {
  for (const cookie of cookies) response.headers.append("set-cookie", serializeCookie(cookie));
}

function decorate(response: NextResponse, options: RespondOptions): NextResponse {
  applyCookies(response, options.cookies);
  // Credentials and traces are per user: never cache them anywhere.
  response.headers.set("cache-control", "no-store");
  if (options.trace) {
    const timing = options.trace.serverTiming();
    if (timing) response.headers.set("server-timing", timing);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) response.headers.set(name, value);
  return response;
}

export function json(body: unknown, options: RespondOptions = {}): NextResponse {
  // Before serialising: the body may hold the trace, which then lists the cookies this response sets.
  if (options.trace && options.cookies) options.trace.recordCookies(options.cookies);
  return decorate(NextResponse.json(body, { status: options.status ?? 200 }), options);
}

/**
 * 204 has no body, so the trace of a logout travels in a header the lab reads
 * (`X-AuthLab-Trace`, base64url JSON) besides the standard Server-Timing.
 */
export function noContent(options: RespondOptions = {}): NextResponse {
  const response = new NextResponse(null, { status: 204 });
  if (options.trace) {
    if (options.cookies) options.trace.recordCookies(options.cookies);
    options.trace.setVerdict(true, 204);
    response.headers.set("x-authlab-trace", Buffer.from(JSON.stringify(options.trace)).toString("base64url"));
  }
  return decorate(response, options);
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
export function errorJson(code: ErrorCode, options: RespondOptions & { message?: string; details?: Record<string, unknown>; extra?: Record<string, unknown> } = {}): NextResponse {
  const body = { ...errorBody(code, options.message, options.details), ...options.extra };
  if (options.trace) options.trace.setVerdict(false, ERRORS[code].status, code);
  return json(body, { ...options, status: ERRORS[code].status });
}
