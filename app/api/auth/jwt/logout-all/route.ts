import { requireUser } from "@/lib/auth/require-user";
import { traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import { noContent } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/** Revokes every refresh family of the user (and, with the denylist on, every access token). */
export const POST = apiRoute(async (request) => {
  const { user, ctx } = await requireUser(request, { mode: "jwt" });
  const { jwt } = services();
  await traced(ctx, () => jwt.revokeAll(user.id, ctx, "LOGOUT_ALL"));
  return noContent({ cookies: jwt.clearCookies(), trace: ctx.trace });
});

export const GET = methodNotAllowed("POST");
