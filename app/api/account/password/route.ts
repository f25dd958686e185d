import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/users/schemas";

/** Change my password (lib/users/change-password.ts): every other credential of mine dies, this browser gets a fresh one. */
export const POST = labRoute(async (ctx, request) => {
  const who = await ctx.requireUser();
  const passwords = await readJson(request, changePasswordSchema);
  const cookies = await changePassword(ctx, who, passwords);
  return json({ changed: true, mode: who.mode }, { cookies, trace: ctx.trace });
});
