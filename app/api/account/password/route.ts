import { requireUser } from "@/lib/auth/require-user";
import { traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import { ApiError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { credentialInput } from "@/lib/http/request";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { hashPassword, verifyPassword } from "@/lib/users/password";
import { changePasswordSchema } from "@/lib/users/schemas";
import { toAuthUser } from "@/lib/users/users";

/**
 * Change my password. Every other credential of mine dies (sessions and refresh families, in both
 * modes), and this browser gets a fresh credential in the mode it used: a privilege change earns a
 * new token, like a login does.
 */
export const POST = apiRoute(async (request) => {
  const { user, mode, ctx } = await requireUser(request);
  const { currentPassword, newPassword } = await readJson(request, changePasswordSchema);
  const { users, session, jwt } = services();
  const row = await users.findById(user.id);
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) throw new ApiError("PASSWORD_INCORRECT");
  const passwordHash = await hashPassword(newPassword);
  const cookies = await traced(ctx, async () => {
    // Revoke first, change the password last: if a store is unavailable (503) the password is still
    // the old one and the user can simply retry; the other order could leave credentials alive
    // under a password the user can no longer use to retry.
    await session.revokeAll(user.id, ctx);
    await jwt.revokeAll(user.id, ctx, "PASSWORD_CHANGED");
    await users.update(user.id, { passwordHash });
    const fresh = toAuthUser(row);
    return mode === "session" ? (await session.issue(fresh, credentialInput(request), ctx)).cookies : (await jwt.issue(fresh, ctx)).cookies;
  });
  return json({ changed: true, mode }, { cookies, trace: ctx.trace });
});
