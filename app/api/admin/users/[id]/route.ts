import { z } from "zod";
import { services } from "@/lib/auth/services";
import { ApiError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { publicUser } from "@/lib/users/users";

const patchSchema = z
  .strictObject({ role: z.enum(["user", "admin"]).optional(), disabled: z.boolean().optional() })
  .refine((p) => p.role !== undefined || p.disabled !== undefined, { message: "Send role, disabled or both." });

/**
 * Change a user's role or disable them, in this lab. Sessions see the change on their next
 * request; a JWT keeps its stale role until it is refreshed. Disabling also revokes every
 * credential the server can reach.
 */
export const PATCH = labRoute<{ id: string }>(async (ctx, request, { id }) => {
  await ctx.requireUser({ role: "admin" });
  const patch = await readJson(request, patchSchema);
  const { users, session, jwt } = services();
  const updated = await users.update(ctx.lab.id, id, patch);
  if (!updated) throw new ApiError("NOT_FOUND", { message: "No user with this id in this lab." });
  if (patch.disabled) {
    await session.revokeAll(id, ctx.auth);
    await jwt.revokeAll(id, ctx.auth, "USER_DISABLED");
  }
  return json({ user: publicUser(updated) }, { trace: ctx.trace });
});
