import { requireUser } from "@/lib/auth/require-user";
import { readJson } from "@/lib/http/body";
import { clientAddress, credentialInput } from "@/lib/http/request";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/users/schemas";

/** Change my password (lib/users/change-password.ts): every other credential of mine dies, this browser gets a fresh one. */
export const POST = apiRoute(async (request) => {
  const { user, mode, ctx } = await requireUser(request);
  const { currentPassword, newPassword } = await readJson(request, changePasswordSchema);
  const cookies = await changePassword({ user, mode, ctx, input: credentialInput(request), clientAddress: clientAddress(request), currentPassword, newPassword });
  return json({ changed: true, mode }, { cookies, trace: ctx.trace });
});
