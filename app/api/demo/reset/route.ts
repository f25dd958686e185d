import { services } from "@/lib/auth/services";
import { appEnv } from "@/lib/config/env";
import { ApiError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";
import { resetDemo } from "@/lib/lab/demo-reset";

/** Instructor tool: reset the whole demo. Only where the demo tools are on (DEMO_CLOCK). */
export const POST = apiRoute(async () => {
  if (!appEnv().demoClockEnabled) throw new ApiError("DEMO_CLOCK_DISABLED", { message: "Demo tools (clock and reset) are disabled on this server." });
  const result = await resetDemo();
  const { session, jwt } = services();
  return json({ reset: true, ...result }, { cookies: [session.clear(), ...jwt.clearCookies()] });
});

export const GET = methodNotAllowed("POST");
