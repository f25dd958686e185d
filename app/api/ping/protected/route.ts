import { requestMode } from "@/lib/auth/mode";
import { authenticate } from "@/lib/auth/request-auth";
import { appEnv } from "@/lib/config/env";
import { credentialInput } from "@/lib/http/request";
import { errorJson, json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";

/**
 * `/api/ping` behind authentication: the same small answer plus who you are, so that comparing the
 * two measures what authenticating costs and nothing else (the benchmark's and the lab's protected
 * route). The steps are in `Server-Timing`; `/api/me` is the one that returns the whole trace.
 */
export const GET = apiRoute(async (request) => {
  const input = credentialInput(request);
  const mode = requestMode(request.nextUrl, input);
  const { result, ctx } = await authenticate(mode, input);
  if (!result.ok) return errorJson(result.code, { cookies: result.cookies, trace: ctx.trace, extra: { mode } });
  return json({ ok: true, instanceId: appEnv().instanceId, user: { id: result.user.id, role: result.user.role } }, { cookies: result.cookies, trace: ctx.trace });
});
