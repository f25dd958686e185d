import { services } from "@/lib/auth/services";
import { appEnv } from "@/lib/config/env";
import { instanceIdentity, type InstanceInfo } from "@/lib/config/instance";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";

/**
 * Which instance answered, since when, and where it keeps sessions. Public: it holds nothing a
 * visitor could not learn from any trace. `peers` are the instances the lab may relay to.
 */
export const GET = apiRoute(async () => {
  const { sessionStore, denylist } = services();
  const info: InstanceInfo = {
    ...instanceIdentity(),
    pid: process.pid,
    sessionStore: sessionStore.kind,
    denylistStore: denylist.kind,
    peers: appEnv().peerUrls,
  };
  return json(info);
});
