import { services } from "@/lib/auth/services";
import { ApiError } from "@/lib/errors";
import { noContent } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";

/** Revoke one of my sessions (another device, say). Someone else's session id is a 404, not a 403. */
export const DELETE = labRoute<{ id: string }>(async (ctx, _request, { id }) => {
  const { user, credential } = await ctx.requireUser({ mode: "session" });
  const sessionStore = services().sessionStores.active(ctx.auth.settings);
  const target = /^[0-9a-f]{64}$/.test(id) ? await sessionStore.get(ctx.lab.id, id) : null;
  if (!target || target.userId !== user.id) throw new ApiError("NOT_FOUND", { message: "You have no session with this id." });
  await sessionStore.delete(ctx.lab.id, id);
  const isCurrent = credential.handle === id;
  return noContent({ cookies: isCurrent ? ctx.strategy("session").clearCookies() : [], trace: ctx.trace });
});
