import { z } from "zod";
import { appEnv } from "@/lib/config/env";
import { ApiError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { authNow, getSettings, updateSettings } from "@/lib/settings/settings";

const clockSchema = z.union([
  z.strictObject({ advanceSeconds: z.number().int().min(1).max(30 * 86_400) }),
  z.strictObject({ reset: z.literal(true) }),
]);

async function view() {
  const settings = await getSettings();
  const env = appEnv();
  const offsetMs = env.demoClockEnabled ? settings.demoClockOffsetMs : 0;
  return { enabled: env.demoClockEnabled, offsetMs, now: new Date(authNow(settings)).toISOString(), realNow: new Date().toISOString() };
}

/** The auth clock everyone shares on this server: real time plus an offset. */
export const GET = apiRoute(async () => json(await view()));

/**
 * Moves the auth clock forward (expiry demos) or back to real time. Only when DEMO_CLOCK is on
 * (the default for local runs, off by default in production). Password hashing and rate limits
 * always use real time, so the demo clock cannot weaken them.
 */
export const POST = apiRoute(async (request) => {
  if (!appEnv().demoClockEnabled) throw new ApiError("DEMO_CLOCK_DISABLED");
  const body = await readJson(request, clockSchema);
  const current = (await getSettings()).demoClockOffsetMs;
  await updateSettings({ demoClockOffsetMs: "reset" in body ? 0 : current + body.advanceSeconds * 1000 });
  return json(await view());
});
