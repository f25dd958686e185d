import { z } from "zod";
import { ApiError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import type { RequestContext } from "@/lib/http/request-context";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { updateLabSettings } from "@/lib/labs/lab-settings";
import { labNow, labToolsOpen } from "@/lib/labs/request-lab";
import type { LabState } from "@/lib/labs/lab-state";
import { MAX_DEMO_CLOCK_OFFSET_MS } from "@/lib/settings/schema";

const clockSchema = z.union([
  z.strictObject({ advanceSeconds: z.number().int().min(1).max(30 * 86_400) }),
  z.strictObject({ reset: z.literal(true) }),
]);

function view(lab: LabState) {
  const open = labToolsOpen(lab);
  return { enabled: open, labId: lab.id, offsetMs: open ? lab.settings.demoClockOffsetMs : 0, now: new Date(labNow(lab)).toISOString(), realNow: new Date().toISOString() };
}

/** The auth clock of the caller's lab: real time plus an offset. Nobody else's clock moves. */
export const GET = labRoute(async (ctx: RequestContext) => json(view(ctx.lab)));

/**
 * Moves the lab's auth clock forward (expiry demos) or back to real time. Open in every visitor's
 * own lab; in the shared default lab only where DEMO_CLOCK is on. Password hashing and rate limits
 * always use real time, so the demo clock cannot weaken them.
 */
export const POST = labRoute(async (ctx, request) => {
  if (!labToolsOpen(ctx.lab)) throw new ApiError("DEMO_CLOCK_DISABLED");
  const body = await readJson(request, clockSchema);
  const offset = "reset" in body ? 0 : Math.min(MAX_DEMO_CLOCK_OFFSET_MS, ctx.lab.settings.demoClockOffsetMs + body.advanceSeconds * 1000);
  return json(view(await updateLabSettings(ctx.lab, { demoClockOffsetMs: offset })));
});
