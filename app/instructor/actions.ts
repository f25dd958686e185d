"use server";

import { ApiError } from "@/lib/errors";
import { formError, type FormState } from "@/lib/forms/form-state";

/**
 * What the admin sign-in form does when it is submitted without JavaScript (before hydration, or
 * with scripts off). The sign-in keeps the admin token in the page's memory only, which a page
 * without scripts cannot do, so it refuses — having received the password in a POST body, never in
 * a URL, and without checking or logging it.
 */
export async function adminSignInWithoutJavaScript(): Promise<FormState> {
  return formError(new ApiError("JAVASCRIPT_REQUIRED"));
}
