import { appEnv } from "@/lib/config/env";
import { ApiError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import type { RequestContext } from "@/lib/http/request-context";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { updateLabSettings } from "@/lib/labs/lab-settings";
import { labToolsOpen } from "@/lib/labs/request-lab";
import type { LabState } from "@/lib/labs/lab-state";
import { labSettingsPatchSchema, type Settings } from "@/lib/settings/schema";
import { getServerSettings } from "@/lib/settings/settings";
import type { SettingsView } from "@/lib/settings/settings-view";
import { storeInfo } from "@/lib/stores/store-info";

async function view(lab: LabState, ctx: RequestContext): Promise<SettingsView> {
  const env = appEnv();
  const settings: Settings = { ...lab.settings, ...(await getServerSettings()) };
  return {
    settings,
    lab: { id: lab.id, isDefault: lab.isDefault, toolsOpen: labToolsOpen(lab) },
    server: { demoClockEnabled: env.demoClockEnabled, insecureCookies: env.insecureCookies, defaultMode: env.defaultMode, instanceId: env.instanceId },
    stores: storeInfo(ctx.auth.settings),
  };
}

/** A lab's settings are not secret: everyone in the lab sees them. Changing them is for an admin of the lab. */
export const GET = labRoute(async (ctx) => json(await view(ctx.lab, ctx)));

export const PATCH = labRoute(async (ctx, request) => {
  await ctx.requireUser({ role: "admin" });
  // The shared default lab's settings are everyone's: where its tools are closed, no demo admin changes them.
  if (!labToolsOpen(ctx.lab)) throw new ApiError("DEMO_CLOCK_DISABLED");
  const patch = await readJson(request, labSettingsPatchSchema);
  return json(await view(await updateLabSettings(ctx.lab, patch), ctx));
});
