import { json } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";
import { labToolsOpen } from "@/lib/labs/request-lab";
import { measureStrategies } from "@/lib/lab/measure";
import { spendAddressBudget } from "@/lib/users/address-budgets";

/**
 * Lab: measure each strategy with a few hundred real requests (≤ ~5 s, one run at a time per
 * instance), in the caller's lab. It puts load on the server, so one address may run it
 * RATE_LIMIT_MEASUREMENTS times an hour, and in the shared default lab it is open to everyone only
 * where its demo tools are (DEMO_CLOCK on) and to its admins elsewhere.
 */
export const POST = labRoute(async (ctx) => {
  if (!labToolsOpen(ctx.lab)) await ctx.requireUser({ role: "admin" });
  await spendAddressBudget("measurement", ctx.clientAddress);
  return json(await measureStrategies({ labId: ctx.lab.id, settings: ctx.auth.settings }));
});

export const GET = methodNotAllowed("POST");
