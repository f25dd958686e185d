import "server-only";
import type { NextRequest } from "next/server";
import { ApiError, StoreUnavailableError } from "../errors";
import { causeChain, withStoreScope } from "../stores/store-errors";
import { runWithTrace } from "../trace/context";
import type { Trace } from "../trace/trace";
import { isCrossOriginRequest } from "./cross-origin";
import { recordCrossOriginRefusal } from "./cross-origin-events";
import { clientAddress, credentialInput, queryParam } from "./request";
import { requestContext, type RequestContext } from "./request-context";
import { errorJson } from "./respond";

type Params<P> = { params: Promise<P> };

/**
 * Wraps a route handler that needs no lab (liveness, JWKS, instance facts, the operator's routes):
 * cross-origin protection on state-changing methods, and every failure turned into
 * `{ error: { code, message } }` with the right status. Bad input is a 4xx; a store outage a 503
 * with Retry-After; only a bug is a 500 (logged without request data, which may hold credentials).
 */
export function apiRoute<P = Record<string, never>>(handler: (request: NextRequest, params: P) => Promise<Response>) {
  return async (request: NextRequest, context: Params<P>): Promise<Response> => {
    if (isCrossOriginRequest(request)) return refuseCrossOrigin(request);
    try {
      return await withStoreScope(async () => handler(request, await context.params));
    } catch (error) {
      return failure(request, error);
    }
  };
}

/**
 * Wraps a route handler that acts in the caller's lab: the same protection and error handling, and
 * one {@link RequestContext} built before the handler runs (credential input, mode, lab, settings,
 * auth clock, trace), with every store query the handler makes counted on that trace.
 */
export function labRoute<P = Record<string, never>>(handler: (ctx: RequestContext, request: NextRequest, params: P) => Promise<Response>, options: { readOnly?: boolean } = {}) {
  return async (request: NextRequest, context: Params<P>): Promise<Response> => {
    if (isCrossOriginRequest(request)) return refuseCrossOrigin(request);
    // The request's trace, once its context exists: a 503 shows which step met the store that was down.
    const built: { trace?: Trace } = {};
    try {
      return await withStoreScope(async () => {
        const ctx = await requestContext({ input: credentialInput(request), clientAddress: clientAddress(request), modeParam: queryParam(request.url, "mode"), readOnly: options.readOnly });
        built.trace = ctx.trace;
        const params = await context.params;
        return runWithTrace(ctx.trace, () => handler(ctx, request, params));
      });
    } catch (error) {
      return failure(request, error, built.trace);
    }
  };
}

async function refuseCrossOrigin(request: NextRequest): Promise<Response> {
  await recordCrossOriginRefusal(request);
  return errorJson("CROSS_ORIGIN_REQUEST");
}

function failure(request: NextRequest, error: unknown, trace?: Trace): Response {
  if (error instanceof ApiError) {
    return errorJson(error.code, { message: error.message, details: error.details, headers: error.headers });
  }
  if (error instanceof StoreUnavailableError) {
    logStoreUnavailable(request, error);
    // The trace says where the request stopped and why (in Server-Timing and the body), as for any verdict.
    trace?.stopped("store-unavailable", "A store the request needed", "store", unavailableDetail(error));
    const traced = trace ? { trace, extra: { trace } } : {};
    // No Set-Cookie: the credential is fine, the store is not. Clearing it would log everyone out.
    return errorJson("STORE_UNAVAILABLE", { headers: { "Retry-After": String(error.retryAfterSeconds) }, details: { store: error.backend ?? null }, ...traced });
  }
  console.error(`authlab: unhandled error in ${request.method} ${new URL(request.url).pathname}:`, error instanceof Error ? error.stack : error);
  return errorJson("INTERNAL_ERROR");
}

/** 405 for the methods a route does not take (GET on logout or refresh, say): safe methods never change state. */
export function methodNotAllowed(allow: string) {
  return async (): Promise<Response> => errorJson("METHOD_NOT_ALLOWED", { headers: { Allow: allow } });
}

/** One line per refused request, without request data (it may hold credentials): operators need to see an outage. */
export function logStoreUnavailable(request: Request, error: StoreUnavailableError): void {
  console.warn(`authlab: ${request.method} ${new URL(request.url).pathname} → 503: ${error.message} (${describeCause(error.cause)})`);
}

/** What a learner reads on the failed step: which store, and how it failed (never the cause's own message). */
export function unavailableDetail(error: StoreUnavailableError): string {
  const store = error.backend ? `The ${error.backend} store` : "A store";
  for (const { code } of causeChain(error.cause)) {
    if (code === "ECONNREFUSED") return `${store} refused the connection (ECONNREFUSED)`;
    if (code === "ETIMEDOUT") return `${store} did not answer in time`;
  }
  return `${store} could not be reached`;
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return "no cause";
  const code = (cause as { code?: unknown }).code;
  return `${cause.name}${typeof code === "string" ? ` ${code}` : ""}: ${cause.message.split("\n")[0]?.slice(0, 200) ?? ""}`;
}
