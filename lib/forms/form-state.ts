import { ApiError, ERRORS, StoreUnavailableError, type ErrorCode } from "../errors";

/** What a server action answers a form with: nothing yet, a success message, or an error with its stable code. */
export type FormState =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "error"; code: ErrorCode; message: string; fields?: Record<string, string> };

export const IDLE: FormState = { status: "idle" };

/** A string field of a submitted form ("" when absent or a file). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * An expected failure as form state (same codes as the JSON API); anything else is rethrown, a bug.
 * A store outage is a message to retry, like the API's 503.
 */
export function formError(error: unknown): FormState {
  if (error instanceof ApiError) {
    const fields = (error.details?.fields as { path: string; message: string }[] | undefined)?.reduce<Record<string, string>>((out, f) => ({ ...out, [f.path]: f.message }), {});
    return { status: "error", code: error.code, message: error.message, ...(fields ? { fields } : {}) };
  }
  if (error instanceof StoreUnavailableError) return { status: "error", code: "STORE_UNAVAILABLE", message: ERRORS.STORE_UNAVAILABLE.message };
  throw error;
}

/** Zod issues of a form as the API's VALIDATION_FAILED. */
export function validationError(issues: readonly { path: PropertyKey[]; message: string }[]): ApiError {
  return new ApiError("VALIDATION_FAILED", { details: { fields: issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) } });
}
