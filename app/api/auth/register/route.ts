import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { registerUser } from "@/lib/users/register";
import { credentialsSchema } from "@/lib/users/schemas";
import { publicUser } from "@/lib/users/users";

/** Registers an account in the caller's lab (a user of lab A cannot log in to lab B). */
export const POST = labRoute(async (ctx, request) => {
  const user = await registerUser(ctx.lab.id, ctx.clientAddress, await readJson(request, credentialsSchema));
  return json({ user: publicUser(user) }, { status: 201, trace: ctx.trace });
});
