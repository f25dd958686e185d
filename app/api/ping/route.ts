import { appEnv } from "@/lib/config/env";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";

/** Public and cheap: the benchmark's unauthenticated route and a liveness probe (no lab, no store). */
export const GET = apiRoute(async () => json({ ok: true, instanceId: appEnv().instanceId }));
