import { requireOperator } from "@/lib/http/operator";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { serverSettingsPatchSchema } from "@/lib/settings/schema";
import { getServerSettings, updateServerSettings } from "@/lib/settings/settings";
import { storeInfo } from "@/lib/stores/store-info";

/** Server-wide settings (every lab's): which session store is in force. Read by anyone, changed by the operator. */
export const GET = apiRoute(async () => {
  const settings = await getServerSettings();
  return json({ settings, stores: storeInfo(settings) });
});

export const PATCH = apiRoute(async (request) => {
  requireOperator(request);
  const patch = await readJson(request, serverSettingsPatchSchema);
  const settings = await updateServerSettings(patch);
  return json({ settings, stores: storeInfo(settings) });
});
