import "server-only";
import { ApiError } from "../errors";
import type { UserStore } from "../stores/prisma-user-store";
import { dummyPasswordHash, verifyPassword } from "./password";
import { passwordAttemptLimiter } from "./rate-limit";
import type { UserRow } from "./users";

/**
 * The account key every password check of one account counts under (login and password change
 * alike). Accounts live in labs: alice of lab A and alice of lab B are different accounts with
 * different budgets; the client address budget is server-wide.
 */
function accountKey(labId: string, email: string): string {
  return `account:${labId}:${email}`;
}

/**
 * Checks a login in a lab. The attempt is counted before the password is hashed (at most the
 * budget is ever checked, however many arrive at once). Unknown email and wrong password give the
 * same 401, the same body and the same work (a dummy hash is verified when the user does not exist).
 */
export async function verifyLogin(credentials: { email: string; password: string }, clientAddress: string, labId: string, users: UserStore): Promise<UserRow> {
  const attempt = await passwordAttemptLimiter().begin(clientAddress, accountKey(labId, credentials.email));
  const user = await users.findByEmail(labId, credentials.email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), credentials.password);
  if (!user || !valid) throw new ApiError("INVALID_CREDENTIALS");
  await attempt.succeeded();
  if (user.disabled) throw new ApiError("USER_DISABLED");
  return user;
}

/**
 * Checks the current password before a password change. Limited like a login, on the same account
 * budget: a stolen session must not buy unlimited online guessing of the password behind it.
 */
export async function verifyCurrentPassword(user: UserRow, password: string, clientAddress: string): Promise<void> {
  const attempt = await passwordAttemptLimiter().begin(clientAddress, accountKey(user.labId, user.email));
  if (!(await verifyPassword(user.passwordHash, password))) throw new ApiError("PASSWORD_INCORRECT");
  await attempt.succeeded();
}
