import { errorJson, json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";

/**
 * Who am I, in the chosen mode, and what did the server do to find out? The trace is returned on
 * failure too: a 401 is as instructive as a 200.
 */
export const GET = labRoute(async (ctx) => {
  const { mode, trace } = ctx;
  const result = await ctx.authenticate();
  if (!result.ok) return errorJson(result.code, { cookies: result.cookies, trace, extra: { mode, trace } });
  const credential = { ...result.credential, id: result.credential.handle.slice(0, 12), expiresAt: result.credential.expiresAt.toISOString() };
  return json({ user: result.user, mode, labId: ctx.lab.id, credential, trace }, { cookies: result.cookies, trace });
});
