"use server";

import { pageContext } from "@/lib/auth/dal";
import { field, formError, validationError, type FormState } from "@/lib/forms/form-state";
import { registerUser } from "@/lib/users/register";
import { credentialsSchema } from "@/lib/users/schemas";

/** The registration form's action: a POST with or without JavaScript, the same rules as the API, in the browser's own lab. */
export async function register(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const parsed = credentialsSchema.safeParse({ email: field(form, "email"), password: field(form, "password") });
    if (!parsed.success) throw validationError(parsed.error.issues);
    const ctx = await pageContext();
    const user = await registerUser(ctx.lab.id, ctx.clientAddress, parsed.data);
    return { status: "ok", message: `Account created for ${user.email}. You can log in now.` };
  } catch (error) {
    return formError(error);
  }
}
