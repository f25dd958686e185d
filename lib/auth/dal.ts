import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { clientAddress, credentialInput } from "../http/request";
import { requestContext, type RequestContext } from "../http/request-context";
import { runWithTrace } from "../trace/context";
import type { TraceJSON } from "../trace/trace";
import type { AuthMode, AuthResult } from "./types";

/**
 * The request a page renders for, read once per render (React `cache`): the same context a route
 * handler gets, from the request's headers — its lab (the proxy made sure the browser has one),
 * settings, auth clock and mode (by the one mode rule; a page passes its own `?mode=`).
 */
export const pageContext = cache(async (explicitMode?: AuthMode): Promise<RequestContext> => {
  const h = await headers();
  // Cookies from Next's cookie store, not the raw header: after a server action replaced a
  // credential (a password change rotates the session), the page rendered in the same request
  // must see the new cookie, not the one the browser sent.
  const jar = await cookies();
  const input = { ...credentialInput({ headers: h }), cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])) };
  return requestContext({ input, clientAddress: clientAddress({ headers: h }), modeParam: explicitMode ?? null });
});

/**
 * The one data-access check for server components: authenticates the current request with its
 * mode's strategy, once per render and mode. The proxy only did an optimistic check (crypto, no
 * store); this is the full one. Returns the verdict and the trace of the work.
 */
export const verifyRequest = cache(async (explicitMode?: AuthMode): Promise<{ mode: AuthMode; result: AuthResult; trace: TraceJSON; ctx: RequestContext }> => {
  const ctx = await pageContext(explicitMode);
  const result = await runWithTrace(ctx.trace, () => ctx.authenticate());
  return { mode: ctx.mode, result, trace: ctx.trace.toJSON(), ctx };
});
