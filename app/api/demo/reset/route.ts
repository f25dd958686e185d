import { ApiError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";
import { resetLab } from "@/lib/labs/labs";
import { labToolsOpen } from "@/lib/labs/request-lab";

/**
 * Resets the caller's lab to its first state: its sessions, tokens, denylist, events, settings and
 * clock gone, its demo users restored. No other lab is touched. In the shared default lab only
 * where DEMO_CLOCK is on.
 */
export const POST = labRoute(async (ctx) => {
  if (!labToolsOpen(ctx.lab)) throw new ApiError("DEMO_CLOCK_DISABLED");
  const result = await resetLab(ctx.lab.id);
  return json({ reset: true, labId: ctx.lab.id, ...result }, { cookies: [...ctx.strategy("session").clearCookies(), ...ctx.strategy("jwt").clearCookies()] });
});

export const GET = methodNotAllowed("POST");
