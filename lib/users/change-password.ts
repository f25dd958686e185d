import "server-only";
import { services } from "../auth/services";
import type { CookieInstruction } from "../auth/types";
import { ApiError } from "../errors";
import type { Authenticated, RequestContext } from "../http/request-context";
import { verifyCurrentPassword } from "./login";
import { hashPassword } from "./password";
import { toAuthUser } from "./users";

/**
 * Changes the password of the user this request authenticated as. The current one is checked
 * first, limited like a login (a stolen session must not buy unlimited guesses). Every other
 * credential of the user dies (sessions and refresh families, in both modes) and this browser gets
 * a fresh one in the mode it used: a privilege change earns a new token, like a login does.
 * Returns the cookies to set.
 */
export async function changePassword(ctx: RequestContext, who: Authenticated, passwords: { currentPassword: string; newPassword: string }): Promise<CookieInstruction[]> {
  const { users, session, jwt } = services();
  const labId = ctx.lab.id;
  const row = await users.findById(labId, who.user.id);
  if (!row) throw new ApiError("PASSWORD_INCORRECT");
  // A disabled account gets no fresh credential, whatever token it still holds.
  if (row.disabled) throw new ApiError("USER_DISABLED");
  await verifyCurrentPassword(row, passwords.currentPassword, ctx.clientAddress);
  const passwordHash = await hashPassword(passwords.newPassword);
  // Revoke first, change the password last: if a store is unavailable (503) the password is still
  // the old one and the user can simply retry; the other order could leave credentials alive
  // under a password the user can no longer use to retry.
  await session.revokeAll(row.id, ctx.auth);
  await jwt.revokeAll(row.id, ctx.auth, "PASSWORD_CHANGED");
  await users.update(labId, row.id, { passwordHash });
  return (await ctx.strategy(who.mode).issue(toAuthUser(row), ctx.input, ctx.auth)).cookies;
}
