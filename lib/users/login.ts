import "server-only";
import type { NextRequest } from "next/server";
import { ApiError } from "../errors";
import { readJson } from "../http/body";
import { clientIp } from "../http/request";
import { loginLimiter } from "./rate-limit";
import { dummyPasswordHash, verifyPassword } from "./password";
import { loginSchema } from "./schemas";
import type { UserRepository, UserRow } from "./users";

/**
 * Checks a login body. Unknown email and wrong password give the same 401, the same body and the
 * same work (a dummy hash is verified when the user does not exist).
 */
export async function verifyLogin(request: NextRequest, users: UserRepository): Promise<UserRow> {
  const { email, password } = await readJson(request, loginSchema);
  const ip = clientIp(request);
  const limiter = loginLimiter();
  await limiter.assertAllowed(ip, email);
  const user = await users.findByEmail(email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) {
    await limiter.recordFailure(ip, email);
    throw new ApiError("INVALID_CREDENTIALS");
  }
  await limiter.recordSuccess(email);
  if (user.disabled) throw new ApiError("USER_DISABLED");
  return user;
}
