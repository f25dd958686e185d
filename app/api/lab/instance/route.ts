import { appEnv } from "@/lib/config/env";
import { instanceIdentity, type InstanceInfo } from "@/lib/config/instance";
import { StoreUnavailableError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { defaultServerSettings, getServerSettings } from "@/lib/settings/settings";

/**
 * Which instance answered, since when, and where it keeps sessions now (the operator may have
 * switched the store). Public: it holds nothing a visitor could not learn from any trace. `peers`
 * are the instances the lab may relay to. Answers even with the database down.
 */
export const GET = apiRoute(async () => {
  const settings = await getServerSettings().catch((error: unknown) => {
    if (error instanceof StoreUnavailableError) return defaultServerSettings();
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
