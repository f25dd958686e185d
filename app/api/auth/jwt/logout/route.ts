import { logout } from "@/lib/auth/logout";
import { services } from "@/lib/auth/services";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Revokes the refresh family and clears both cookies. A copy of the access token keeps working
 * until its `exp` — the exposure window — unless the denylist is on. With a store down: the
 * cookies are cleared all the same, and 503 says the revocation did not happen.
 */
export const POST = apiRoute(async (request) => {
  const { jwt } = services();
  return logout(request, "jwt", (input, ctx) => jwt.revoke(input, ctx), () => jwt.clearCookies());
});

export const GET = methodNotAllowed("POST");
