"use server";

import { verifyRequest } from "@/lib/auth/dal";
import { ApiError } from "@/lib/errors";
import { field, formError, validationError, type FormState } from "@/lib/forms/form-state";
import { setCookies } from "@/lib/http/server-request";
import { runWithTrace } from "@/lib/trace/context";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/users/schemas";

/** The dashboard's password form: a POST with or without JavaScript; the same rules as the API. */
export async function changeMyPassword(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const parsed = changePasswordSchema.safeParse({ currentPassword: field(form, "currentPassword"), newPassword: field(form, "newPassword") });
    if (!parsed.success) throw validationError(parsed.error.issues);
    const { mode, result, ctx } = await verifyRequest();
    if (!result.ok) throw new ApiError(result.code);
    const cookies = await runWithTrace(ctx.trace, () => changePassword(ctx, { user: result.user, mode, credential: result.credential }, parsed.data));
    await setCookies(cookies);
    return { status: "ok", message: "Password changed. Every other session and token of yours has ended; this browser got a fresh credential." };
  } catch (error) {
    return formError(error);
  }
}
