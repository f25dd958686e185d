import { appEnv } from "@/lib/config/env";
import { requireOperator } from "@/lib/http/operator";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { stores } from "@/lib/stores/registry";

/** The operator's view of the labs: how many live, created, deleted, expired and refused, and the caps. */
export const GET = apiRoute(async (request) => {
  requireOperator(request);
  const { labs } = stores();
  const env = appEnv();
  const [live, counters] = await Promise.all([labs.countLive(), labs.counters()]);
  return json({
    live,
    created: counters["labs.created"],
    deleted: counters["labs.deleted"],
    expired: counters["labs.expired"],
    refused: counters["labs.refused"],
    caps: { maxLive: env.labs.maxLive, createPerAddress: env.labs.createPerAddress, createWindowSeconds: env.labs.createWindowSeconds, idleSeconds: env.labs.idleSeconds, maxUsers: env.labs.maxUsers, maxSessions: env.labs.maxSessions, maxFamilies: env.labs.maxFamilies },
  });
});
