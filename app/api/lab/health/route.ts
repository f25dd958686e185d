import { appEnv } from "@/lib/config/env";
import { StoreUnavailableError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { defaultServerSettings, getServerSettings } from "@/lib/settings/settings";
import { storeHealth } from "@/lib/stores/store-health";

/**
 * Lab: is every store this instance uses reachable, and how fast? Always 200 — the answer is the
 * point, also (especially) while a store is down. Anyone may read it: it names store kinds, no data.
 */
export const GET = apiRoute(async () => {
  // With the database down and no settings read yet, report on the configured default session store.
  const settings = await getServerSettings().catch((error: unknown) => {
    if (error instanceof StoreUnavailableError) return defaultServerSettings();
    throw error;
  });
  const env = appEnv();
  return json({ instanceId: env.instanceId, checkedAt: new Date().toISOString(), storeTimeoutMs: env.storeTimeoutMs, stores: await storeHealth(settings) });
});
