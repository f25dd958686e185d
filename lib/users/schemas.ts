import { z } from "zod";
import { normalizeEmail } from "./email";
import { PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS } from "./password-limits";

export const emailSchema = z
  .string()
  .max(254)
  .transform(normalizeEmail)
  .pipe(z.email({ message: "Enter a valid email address." }));

/** Never truncated: a password longer than the limit is refused, not silently shortened. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_CHARS, `Use at least ${PASSWORD_MIN_CHARS} characters.`)
  .max(PASSWORD_MAX_CHARS, `Use at most ${PASSWORD_MAX_CHARS} characters.`);

export const credentialsSchema = z.strictObject({ email: emailSchema, password: passwordSchema });

/** Login accepts any password length up to the cap: old accounts may predate today's minimum. */
export const loginSchema = z.strictObject({ email: emailSchema, password: z.string().min(1).max(PASSWORD_MAX_CHARS) });

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_CHARS),
  newPassword: passwordSchema,
});
