import { requireUser } from "@/lib/auth/require-user";
import { traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import { ApiError } from "@/lib/errors";
import { credentialInput } from "@/lib/http/request";
import { noContent } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";

/** Revoke one of my sessions (another device, say). Someone else's session id is a 404, not a 403. */
export const DELETE = apiRoute<{ id: string }>(async (request, { id }) => {
  const { user, ctx } = await requireUser(request, { mode: "session" });
  const { session, sessionStores } = services();
  const sessionStore = sessionStores.active(ctx.settings);
  const target = /^[0-9a-f]{64}$/.test(id) ? await traced(ctx, () => sessionStore.get(id)) : null;
  if (!target || target.userId !== user.id) throw new ApiError("NOT_FOUND", { message: "You have no session with this id." });
  await traced(ctx, () => sessionStore.delete(id));
  const isCurrent = (await session.sessionIdOf(credentialInput(request))) === id;
  return noContent({ cookies: isCurrent ? [session.clear()] : [], trace: ctx.trace });
});
