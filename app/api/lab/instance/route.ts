import { appEnv } from "@/lib/config/env";
import { instanceIdentity, type InstanceInfo } from "@/lib/config/instance";
import { StoreUnavailableError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { defaultSettings, getSettings } from "@/lib/settings/settings";

/**
 * Which instance answered, since when, and where it keeps sessions now (the admin may have
 * switched the store). Public: it holds nothing a visitor could not learn from any trace. `peers`
 * are the instances the lab may relay to. Answers even with the database down.
 */
export const GET = apiRoute(async () => {
  const settings = await getSettings().catch((error: unknown) => {
    if (error instanceof StoreUnavailableError) return defaultSettings();
    throw error;
  });
  const env = appEnv();
  const info: InstanceInfo = {
    ...instanceIdentity(),
    pid: process.pid,
    sessionStore: settings.sessionStore,
    denylistStore: env.stores.denylist,
    peers: env.peerUrls,
  };
  return json(info);
});
