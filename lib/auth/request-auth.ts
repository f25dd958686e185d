import "server-only";
import { appEnv } from "../config/env";
import { authNow, getSettings } from "../settings/settings";
import { runWithTrace } from "../trace/context";
import { Trace } from "../trace/trace";
import { ERRORS } from "../errors";
import { services } from "./services";
import type { AuthContext, AuthMode, AuthResult, CredentialInput } from "./types";

/** Builds the context for one request: fresh trace, current settings, the auth clock's now. */
export async function authContext(mode: AuthMode): Promise<AuthContext> {
  const settings = await getSettings();
  return { now: authNow(settings), settings, trace: new Trace(mode, appEnv().instanceId) };
}

/** Runs `fn` with store queries counted on `ctx.trace`. */
export function traced<T>(ctx: AuthContext, fn: () => Promise<T>): Promise<T> {
  return runWithTrace(ctx.trace, fn);
}

/** Authenticates a request with the given mode's strategy and records the verdict on the trace. */
export async function authenticate(mode: AuthMode, input: CredentialInput, options: { readOnly?: boolean } = {}): Promise<{ result: AuthResult; ctx: AuthContext }> {
  const ctx = { ...(await authContext(mode)), readOnly: options.readOnly ?? false };
  const strategy = mode === "session" ? services().session : services().jwt;
  const result = await traced(ctx, () => strategy.authenticate(input, ctx));
  if (result.ok) ctx.trace.setVerdict(true, 200);
  else ctx.trace.setVerdict(false, ERRORS[result.code].status, result.code);
  return { result, ctx };
}
