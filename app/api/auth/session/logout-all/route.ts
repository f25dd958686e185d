import { noContent } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";

/** Log out everywhere: every session of this user, this one included. */
export const POST = labRoute(async (ctx) => {
  const { user } = await ctx.requireUser({ mode: "session" });
  const session = ctx.strategy("session");
  await session.revokeAll(user.id, ctx.auth, "LOGOUT_ALL");
  return noContent({ cookies: session.clearCookies(), trace: ctx.trace });
});

export const GET = methodNotAllowed("POST");
