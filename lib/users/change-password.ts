import "server-only";
import { traced } from "../auth/request-auth";
import { services } from "../auth/services";
import type { AuthContext, AuthMode, AuthUser, CookieInstruction, CredentialInput } from "../auth/types";
import { ApiError } from "../errors";
import { verifyCurrentPassword } from "./login";
import { hashPassword } from "./password";
import { toAuthUser } from "./users";

export interface PasswordChange {
  /** Who asks, as this request's own strategy authenticated them. */
  user: AuthUser;
  mode: AuthMode;
  input: CredentialInput;
  ctx: AuthContext;
  clientAddress: string;
  currentPassword: string;
  newPassword: string;
}

/**
 * Changes a password. The current one is checked first, limited like a login (a stolen session
 * must not buy unlimited guesses). Every other credential of the user dies (sessions and refresh
 * families, in both modes) and this browser gets a fresh one in the mode it used: a privilege
 * change earns a new token, like a login does. Returns the cookies to set.
 */
export async function changePassword(change: PasswordChange): Promise<CookieInstruction[]> {
  const { user, mode, input, ctx } = change;
  const { users, session, jwt } = services();
  const row = await traced(ctx, () => users.findById(user.id));
  if (!row) throw new ApiError("PASSWORD_INCORRECT");
  await verifyCurrentPassword(row, change.currentPassword, change.clientAddress);
  const passwordHash = await hashPassword(change.newPassword);
  return traced(ctx, async () => {
    // Revoke first, change the password last: if a store is unavailable (503) the password is still
    // the old one and the user can simply retry; the other order could leave credentials alive
    // under a password the user can no longer use to retry.
    await session.revokeAll(user.id, ctx);
    await jwt.revokeAll(user.id, ctx, "PASSWORD_CHANGED");
    await users.update(user.id, { passwordHash });
    const strategy = mode === "session" ? session : jwt;
    return (await strategy.issue(toAuthUser(row), input, ctx)).cookies;
  });
}
