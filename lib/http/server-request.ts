import "server-only";
import { cookies, headers } from "next/headers";
import type { CookieInstruction, CredentialInput } from "../auth/types";
import { clientAddress, credentialInput } from "./request";

/**
 * The request a server component or server action is running for, as the rest of the app reads
 * a route handler's: the credential input (cookies parsed once) and the client address.
 */
export async function serverRequest(): Promise<{ input: CredentialInput; clientAddress: string }> {
  const h = await headers();
  return { input: credentialInput({ headers: h }), clientAddress: clientAddress({ headers: h }) };
}

/** Applies a strategy's cookie instructions from a server action (route handlers use lib/http/respond.ts). */
export async function setCookies(instructions: readonly CookieInstruction[]): Promise<void> {
  const jar = await cookies();
  for (const { name, value, attributes } of instructions) {
    jar.set(name, value, { httpOnly: attributes.httpOnly, secure: attributes.secure, sameSite: attributes.sameSite, path: attributes.path, maxAge: attributes.maxAge, ...(attributes.maxAge === 0 ? { expires: new Date(0) } : {}) });
  }
}
