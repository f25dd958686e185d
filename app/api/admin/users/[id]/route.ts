import { z } from "zod";
import { requireUser } from "@/lib/auth/require-user";
import { traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import { ApiError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { publicUser } from "@/lib/users/users";

const patchSchema = z
  .strictObject({ role: z.enum(["user", "admin"]).optional(), disabled: z.boolean().optional() })
  .refine((p) => p.role !== undefined || p.disabled !== undefined, { message: "Send role, disabled or both." });

/**
 * Change a user's role or disable them. Sessions see the change on their next request; a JWT keeps
 * its stale role until it is refreshed. Disabling also revokes every credential the server can reach.
 */
export const PATCH = apiRoute<{ id: string }>(async (request, { id }) => {
  const { ctx } = await requireUser(request, { role: "admin" });
  const patch = await readJson(request, patchSchema);
  const { users, session, jwt } = services();
  const updated = await users.update(id, patch);
  if (!updated) throw new ApiError("NOT_FOUND", { message: "No user with this id." });
  if (patch.disabled) {
    await traced(ctx, async () => {
      await session.revokeAll(id, ctx);
      await jwt.revokeAll(id, ctx, "USER_DISABLED");
    });
  }
  return json({ user: publicUser(updated) });
});
