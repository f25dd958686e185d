"use server";

import { redirect } from "next/navigation";
import { modeCookie } from "@/lib/auth/cookies";
import { isAuthMode } from "@/lib/auth/mode";
import { pageContext } from "@/lib/auth/dal";
import { services } from "@/lib/auth/services";
import { field, formError, validationError, type FormState } from "@/lib/forms/form-state";
import { setCookies } from "@/lib/http/server-request";
import { runWithTrace } from "@/lib/trace/context";
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
    const ctx = await pageContext(mode);
    const user = toAuthUser(await verifyLogin(parsed.data, ctx.clientAddress, ctx.lab.id, services().users));
    const issued = await runWithTrace(ctx.trace, () => ctx.strategy(mode).issue(user, ctx.input, ctx.auth));
    await setCookies([modeCookie(mode), ...issued.cookies]);
  } catch (error) {
    return formError(error);
  }
  // Outside the try: redirect() works by throwing.
  redirect(next);
}
