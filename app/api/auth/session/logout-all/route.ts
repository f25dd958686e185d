import { requireUser } from "@/lib/auth/require-user";
import { traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import { noContent } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/** Log out everywhere: every session of this user, this one included. */
export const POST = apiRoute(async (request) => {
  const { user, ctx } = await requireUser(request, { mode: "session" });
  const { session } = services();
  await traced(ctx, () => session.revokeAll(user.id, ctx));
  return noContent({ cookies: [session.clear()], trace: ctx.trace });
});

export const GET = methodNotAllowed("POST");
