import { logout } from "@/lib/auth/logout";
import { labRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Revokes the refresh family and clears both cookies. A copy of the access token keeps working
 * until its `exp` — the exposure window — unless the denylist is on. With a store down: the
 * cookies are cleared all the same, and 503 says the revocation did not happen.
 */
export const POST = labRoute((ctx, request) => logout(ctx, "jwt", request));

export const GET = methodNotAllowed("POST");
