import type { AuthUser } from "@/lib/auth/types";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { serverState } from "@/lib/lab/server-state";

/**
 * Lab: the server's state of this lab, as far as this browser may see it. Both of the browser's
 * credentials are checked read-only (the two panes may be different users); an admin of the lab
 * sees all of the lab.
 */
export const GET = labRoute(
  async (ctx) => {
    const viewers: AuthUser[] = [];
    for (const mode of ["session", "jwt"] as const) {
      const result = await ctx.authenticate({ mode });
      if (result.ok) viewers.push(result.user);
    }
    return json({ now: new Date(ctx.auth.now).toISOString(), labId: ctx.lab.id, ...(await serverState(ctx.lab.id, viewers, ctx.auth.now, ctx.auth.settings)) });
  },
  { readOnly: true },
);
