import { authenticate } from "@/lib/auth/request-auth";
import type { AuthUser } from "@/lib/auth/types";
import { credentialInput } from "@/lib/http/request";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { serverState } from "@/lib/lab/server-state";
import { authNow, getSettings } from "@/lib/settings/settings";

/**
 * Lab: the server's state as far as this browser may see it. Both of the browser's credentials are
 * checked (the two panes may be different users); an admin credential shows everything.
 */
export const GET = apiRoute(async (request) => {
  const input = credentialInput(request);
  const viewers: AuthUser[] = [];
  for (const mode of ["session", "jwt"] as const) {
    const { result } = await authenticate(mode, mode === "session" ? { ...input, authorization: null } : input, { readOnly: true });
    if (result.ok) viewers.push(result.user);
  }
  const settings = await getSettings();
  const now = authNow(settings);
  return json({ now: new Date(now).toISOString(), ...(await serverState(viewers, now, settings)) });
});
