import { requestMode } from "@/lib/auth/mode";
import { authenticate } from "@/lib/auth/request-auth";
import { credentialInput } from "@/lib/http/request";
import { errorJson, json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";

/**
 * Who am I, in the chosen mode, and what did the server do to find out? The trace is returned on
 * failure too: a 401 is as instructive as a 200.
 */
export const GET = apiRoute(async (request) => {
  const input = credentialInput(request);
  const mode = requestMode(request.nextUrl, input);
  const { result, ctx } = await authenticate(mode, input);
  if (!result.ok) return errorJson(result.code, { cookies: result.cookies, trace: ctx.trace, extra: { mode, trace: ctx.trace } });
  const credential = { ...result.credential, expiresAt: result.credential.expiresAt.toISOString() };
  return json({ user: result.user, mode, credential, trace: ctx.trace }, { cookies: result.cookies, trace: ctx.trace });
});
