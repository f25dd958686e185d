"use server";

import { redirect } from "next/navigation";
import { modeCookie } from "@/lib/auth/cookies";
import { isAuthMode } from "@/lib/auth/mode";
import { authContext, traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import type { AuthStrategy } from "@/lib/auth/types";
import { field, formError, validationError, type FormState } from "@/lib/forms/form-state";
import { serverRequest, setCookies } from "@/lib/http/server-request";
import { safeNextPath } from "@/lib/safe-next";
import { verifyLogin } from "@/lib/users/login";
import { loginSchema } from "@/lib/users/schemas";
import { toAuthUser } from "@/lib/users/users";

/**
 * The login form's action. It works with JavaScript (React submits it) and without (the browser
 * POSTs the form): either way the password travels in a POST body, never in a URL. The same
 * limits and checks as the JSON login endpoints; on success the browser holds the credential of
 * the chosen mode and is sent on to `next` (a same-origin path only).
 */
export async function logIn(_previous: FormState, form: FormData): Promise<FormState> {
  const mode = field(form, "mode");
  const next = safeNextPath(field(form, "next"));
  try {
    if (!isAuthMode(mode)) throw validationError([{ path: ["mode"], message: "Choose session or JWT." }]);
    const parsed = loginSchema.safeParse({ email: field(form, "email"), password: field(form, "password") });
    if (!parsed.success) throw validationError(parsed.error.issues);
    const { input, clientAddress } = await serverRequest();
    const { session, jwt, users } = services();
    const user = toAuthUser(await verifyLogin(parsed.data, clientAddress, users));
    const ctx = await authContext(mode);
    const strategy: AuthStrategy = mode === "session" ? session : jwt;
    const issued = await traced(ctx, () => strategy.issue(user, input, ctx));
    await setCookies([modeCookie(mode), ...issued.cookies]);
  } catch (error) {
    return formError(error);
  }
  // Outside the try: redirect() works by throwing.
  redirect(next);
}
