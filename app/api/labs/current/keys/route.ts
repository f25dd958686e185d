import { ApiError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { labKeysView, rotateLabKey } from "@/lib/labs/lab-signing-keys";
import { labToolsOpen } from "@/lib/labs/request-lab";

/** This lab's signing keys: which signs, which still verify and until when, which is published ahead. */
export const GET = labRoute(async (ctx) => json(await labKeysView(ctx.lab, ctx.auth)));

/**
 * Rotates this lab's signing key (its admin; in the shared default lab only where its tools are
 * open). New tokens carry the new kid at once; tokens signed before keep verifying until they
 * expire. No other lab's keys move, and the server's own keys stay the operator's.
 */
export const POST = labRoute(async (ctx) => {
  await ctx.requireUser({ role: "admin" });
  if (!labToolsOpen(ctx.lab)) throw new ApiError("DEMO_CLOCK_DISABLED");
  const lab = await rotateLabKey(ctx.lab, ctx.auth.now, ctx.auth.settings);
  const settings = { ...ctx.auth.settings, signingKeys: lab.settings.signingKeys };
  return json(await labKeysView(lab, { ...ctx.auth, settings }), { trace: ctx.trace });
});
