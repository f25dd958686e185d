import "server-only";
import { appEnv } from "../config/env";
import { ApiError } from "../errors";
import { stores } from "../stores/registry";
import { spendAddressBudget } from "./address-budgets";
import { hashPassword } from "./password";
import type { UserRow } from "./users";

/**
 * Creates an account in a lab (email already normalised by the schema). Taken in that lab → 409
 * EMAIL_TAKEN, also when two registrations race; the same address in another lab is another
 * account. A lab holds at most LAB_MAX_USERS accounts (409 LAB_FULL), so one lab cannot fill the
 * database, and one address registers at most RATE_LIMIT_REGISTRATIONS accounts an hour (429).
 */
export async function registerUser(labId: string, clientAddress: string, { email, password }: { email: string; password: string }): Promise<UserRow> {
  await spendAddressBudget("registration", clientAddress);
  const { users } = stores();
  if (await users.findByEmail(labId, email)) throw new ApiError("EMAIL_TAKEN");
  const cap = appEnv().labs.maxUsers;
  if ((await users.count(labId)) >= cap) throw new ApiError("LAB_FULL", { details: { maxUsers: cap } });
  try {
    return await users.create({ labId, email, passwordHash: await hashPassword(password) });
  } catch (error) {
    // The unique index decides a race; the loser gets the same 409.
    if ((error as { code?: string }).code === "P2002") throw new ApiError("EMAIL_TAKEN");
    throw error;
  }
}
