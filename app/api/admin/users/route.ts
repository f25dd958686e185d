import { services } from "@/lib/auth/services";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { publicUser } from "@/lib/users/users";

/** The lab's users (an admin of the lab only). */
export const GET = labRoute(async (ctx) => {
  await ctx.requireUser({ role: "admin" });
  const users = await services().users.list(ctx.lab.id);
  return json({ users: users.map(publicUser) }, { trace: ctx.trace });
});
