import { requireUser } from "@/lib/auth/require-user";
import { appEnv } from "@/lib/config/env";
import { json } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";
import { measureStrategies } from "@/lib/lab/measure";

/**
 * Lab: measure each strategy with a few hundred real requests (≤ ~5 s, one run at a time). It
 * puts load on the server, so it is open to everyone only on a lab server (DEMO_CLOCK on, the
 * default outside production) and to admins elsewhere.
 */
export const POST = apiRoute(async (request) => {
  if (!appEnv().demoClockEnabled) await requireUser(request, { role: "admin" });
  return json(await measureStrategies());
});

export const GET = methodNotAllowed("POST");
