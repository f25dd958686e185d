import type { NextRequest, NextResponse } from "next/server";
import { ApiError, StoreUnavailableError } from "../errors";
import { isCrossOriginRequest } from "./cross-origin";
import { recordCrossOriginRefusal } from "./cross-origin-events";
import { errorJson } from "./respond";

type Handler<P> = (request: NextRequest, params: P) => Promise<NextResponse>;

/**
 * Wraps a route handler: cross-origin protection on state-changing methods, and every failure
 * turned into `{ error: { code, message } }` with the right status. Bad input is a 4xx; a store
 * outage a 503 with Retry-After; only a bug is a 500 (logged without request data, which may hold
 * credentials).
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<NextResponse> => {
    if (isCrossOriginRequest(request)) {
      await recordCrossOriginRefusal(request);
      return errorJson("CROSS_ORIGIN_REQUEST");
    }
    try {
      return await handler(request, await context.params);
    } catch (error) {
      if (error instanceof ApiError) {
        return errorJson(error.code, { message: error.message, details: error.details, headers: error.headers });
      }
      if (error instanceof StoreUnavailableError) {
        logStoreUnavailable(request, error);
        // No Set-Cookie: the credential is fine, the store is not. Clearing it would log everyone out.
        return errorJson("STORE_UNAVAILABLE", { headers: { "Retry-After": String(error.retryAfterSeconds) }, details: { store: error.backend ?? null } });
      }
      console.error(`authlab: unhandled error in ${request.method} ${request.nextUrl.pathname}:`, error instanceof Error ? error.stack : error);
      return errorJson("INTERNAL_ERROR");
    }
  };
}

/** 405 for the methods a route does not take (GET on logout or refresh, say): safe methods never change state. */
export function methodNotAllowed(allow: string) {
  return async (): Promise<NextResponse> => errorJson("METHOD_NOT_ALLOWED", { headers: { Allow: allow } });
}

/** One line per refused request, without request data (it may hold credentials): operators need to see an outage. */
export function logStoreUnavailable(request: Request, error: StoreUnavailableError): void {
  console.warn(`authlab: ${request.method} ${new URL(request.url).pathname} → 503: ${error.message} (${describeCause(error.cause)})`);
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return "no cause";
  const code = (cause as { code?: unknown }).code;
  return `${cause.name}${typeof code === "string" ? ` ${code}` : ""}: ${cause.message.split("\n")[0]?.slice(0, 200) ?? ""}`;
}
