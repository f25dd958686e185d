import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { setStoreFault, storeFaultView } from "@/lib/labs/lab-store-fault";

const body = z.strictObject({ on: z.boolean() });

/** This lab's outage switch: is it on, and which stores refuse while it is (anyone in the lab reads it). */
export const GET = labRoute(async (ctx) => json(storeFaultView(ctx.lab, ctx.auth.settings)));

/**
 * Turns this lab's outage switch on or off (its admin; never in the shared default lab). While it is
 * on, the lab's session store and denylist store refuse as a store that refuses connections does:
 * sessions answer 503 and nobody is logged out, JWTs verify without a store, the denylist fails
 * closed. The admin is checked past the outage — this route is the switch's way back, and a session
 * admin (or a JWT with the denylist on) would otherwise be refused by the outage they started.
 */
export const PUT = labRoute(async (ctx, request) => {
  if (ctx.lab.isDefault) throw new ApiError("STORE_FAULT_DEFAULT_LAB");
  await ctx.requireUser({ role: "admin", pastStoreFault: true });
  const { on } = await readJson(request, body);
  const lab = await setStoreFault(ctx.lab, on);
  return json(storeFaultView(lab, { ...ctx.auth.settings, storeFault: lab.settings.storeFault }), { trace: ctx.trace });
});
