import { appEnv } from "@/lib/config/env";
import { errorJson, json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";

/**
 * `/api/ping` behind authentication: the same small answer plus who you are, so that comparing the
 * two measures what authenticating costs and nothing else (the benchmark's and the lab's protected
 * route). The steps are in `Server-Timing`; `/api/me` is the one that returns the whole trace.
 */
export const GET = labRoute(async (ctx) => {
  const result = await ctx.authenticate();
  if (!result.ok) return errorJson(result.code, { cookies: result.cookies, trace: ctx.trace, extra: { mode: ctx.mode } });
  return json({ ok: true, instanceId: appEnv().instanceId, user: { id: result.user.id, role: result.user.role } }, { cookies: result.cookies, trace: ctx.trace });
});
