import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { cookieNames } from "./cookies";
import { resolveMode } from "./mode";
import { authenticate } from "./request-auth";
import type { AuthMode, CredentialInput } from "./types";

/**
 * The one data-access check for server components: authenticates the current request with its
 * mode's strategy, once per render (React `cache`). Returns the verdict and the trace of the work.
 */
export const verifyRequest = cache(async (explicitMode?: AuthMode) => {
  const jar = await cookies();
  const all: Record<string, string> = {};
  for (const c of jar.getAll()) all[c.name] = c.value;
  const h = await headers();
  const input: CredentialInput = { cookies: all, authorization: h.get("authorization"), userAgent: h.get("user-agent") };
  const mode = explicitMode ?? resolveMode(null, all[cookieNames().mode]);
  const { result, ctx } = await authenticate(mode, input);
  return { mode, result, ctx, trace: ctx.trace.toJSON(), settings: ctx.settings, now: ctx.now };
});
