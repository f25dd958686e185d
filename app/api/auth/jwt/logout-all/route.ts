import { noContent } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";

/** Revokes every refresh family of the user (and, with the denylist on, every access token). */
export const POST = labRoute(async (ctx) => {
  const { user } = await ctx.requireUser({ mode: "jwt" });
  const jwt = ctx.strategy("jwt");
  await jwt.revokeAll(user.id, ctx.auth, "LOGOUT_ALL");
  return noContent({ cookies: jwt.clearCookies(), trace: ctx.trace });
});

export const GET = methodNotAllowed("POST");
