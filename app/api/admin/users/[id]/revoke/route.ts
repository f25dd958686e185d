import { requireUser } from "@/lib/auth/require-user";
import { traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import { ApiError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/** Kill every session and refresh family of a user. Their access tokens live until exp (unless denylisted). */
export const POST = apiRoute<{ id: string }>(async (request, { id }) => {
  const { ctx } = await requireUser(request, { role: "admin" });
  const { users, session, jwt } = services();
  if (!(await users.findById(id))) throw new ApiError("NOT_FOUND", { message: "No user with this id." });
  await traced(ctx, async () => {
    await session.revokeAll(id, ctx);
    await jwt.revokeAll(id, ctx, "ADMIN_REVOKED");
  });
  return json({ revoked: true, denylisted: ctx.settings.denylistEnabled, trace: ctx.trace }, { trace: ctx.trace });
});

export const GET = methodNotAllowed("POST");
