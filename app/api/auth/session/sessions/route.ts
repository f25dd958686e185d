import { requireUser } from "@/lib/auth/require-user";
import { traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import { credentialInput } from "@/lib/http/request";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { sessionView } from "@/lib/auth/session-view";

/** My sessions, the one this request used flagged `current`. */
export const GET = apiRoute(async (request) => {
  const { user, ctx } = await requireUser(request, { mode: "session" });
  const { session, sessionStores } = services();
  const sessionStore = sessionStores.active(ctx.settings);
  const currentId = await session.sessionIdOf(credentialInput(request));
  const list = await traced(ctx, () => sessionStore.listByUser(user.id));
  return json({ sessions: list.map((s) => sessionView(s, currentId)) }, { trace: ctx.trace });
});
