import { authContext, traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import { credentialInput } from "@/lib/http/request";
import { noContent } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Revokes the refresh family and clears both cookies. A copy of the access token keeps working
 * until its `exp` — the exposure window — unless the denylist is on.
 */
export const POST = apiRoute(async (request) => {
  const ctx = await authContext("jwt");
  const { cookies } = await traced(ctx, () => services().jwt.revoke(credentialInput(request), ctx));
  return noContent({ cookies, trace: ctx.trace });
});

export const GET = methodNotAllowed("POST");
