import "server-only";
import { services } from "../auth/services";
import { ApiError } from "../errors";
import { hashPassword } from "./password";
import type { UserRow } from "./users";

/** Creates an account (email already normalised by the schema). Taken → 409 EMAIL_TAKEN, also when two registrations race. */
export async function registerUser({ email, password }: { email: string; password: string }): Promise<UserRow> {
  const { users } = services();
  if (await users.findByEmail(email)) throw new ApiError("EMAIL_TAKEN");
  try {
    return await users.create({ email, passwordHash: await hashPassword(password) });
  } catch (error) {
    // The unique index decides a race; the loser gets the same 409.
    if ((error as { code?: string }).code === "P2002") throw new ApiError("EMAIL_TAKEN");
    throw error;
  }
}
