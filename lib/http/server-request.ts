import "server-only";
import { cookies } from "next/headers";
import type { CookieInstruction } from "../auth/types";

/** Applies a strategy's cookie instructions from a server action (route handlers use lib/http/respond.ts). */
export async function setCookies(instructions: readonly CookieInstruction[]): Promise<void> {
  const jar = await cookies();
  for (const { name, value, attributes } of instructions) {
    jar.set(name, value, { httpOnly: attributes.httpOnly, secure: attributes.secure, sameSite: attributes.sameSite, path: attributes.path, maxAge: attributes.maxAge, ...(attributes.maxAge === 0 ? { expires: new Date(0) } : {}) });
  }
}
