import { services } from "@/lib/auth/services";
import { ApiError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Kill every session and refresh family of a user of this lab (an admin of the lab may; another
 * lab's user is a 404). Their access tokens live until exp (unless denylisted).
 */
export const POST = labRoute<{ id: string }>(async (ctx, _request, { id }) => {
  await ctx.requireUser({ role: "admin" });
  const { users, session, jwt } = services();
  if (!(await users.findById(ctx.lab.id, id))) throw new ApiError("NOT_FOUND", { message: "No user with this id in this lab." });
  await session.revokeAll(id, ctx.auth);
  await jwt.revokeAll(id, ctx.auth, "ADMIN_REVOKED");
  return json({ revoked: true, denylisted: ctx.auth.settings.denylistEnabled, trace: ctx.trace }, { trace: ctx.trace });
});

export const GET = methodNotAllowed("POST");
