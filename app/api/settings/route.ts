import { requireUser } from "@/lib/auth/require-user";
import { appEnv } from "@/lib/config/env";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { settingsPatchSchema } from "@/lib/settings/schema";
import { getSettings, updateSettings } from "@/lib/settings/settings";
import { storeInfo } from "@/lib/stores/store-info";

function view(settings: Awaited<ReturnType<typeof getSettings>>) {
  const env = appEnv();
  return {
    settings,
    server: { demoClockEnabled: env.demoClockEnabled, insecureCookies: env.insecureCookies, defaultMode: env.defaultMode, instanceId: env.instanceId },
    stores: storeInfo(settings),
  };
}

/** Settings are not secret: the lab shows them to everyone. Changing them is for admins. */
export const GET = apiRoute(async () => json(view(await getSettings())));

export const PATCH = apiRoute(async (request) => {
  await requireUser(request, { role: "admin" });
  const patch = await readJson(request, settingsPatchSchema);
  return json(view(await updateSettings(patch)));
});
