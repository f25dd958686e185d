import { services } from "@/lib/auth/services";
import { sessionView } from "@/lib/auth/session-view";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";

/** My sessions, the one this request used flagged `current`. */
export const GET = labRoute(async (ctx) => {
  const { user, credential } = await ctx.requireUser({ mode: "session" });
  const list = await services().sessionStores.active(ctx.auth.settings).listByUser(ctx.lab.id, user.id);
  return json({ sessions: list.map((s) => sessionView(s, credential.handle)) }, { trace: ctx.trace });
});
