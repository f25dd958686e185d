import { logout } from "@/lib/auth/logout";
import { services } from "@/lib/auth/services";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Deletes the server-side record: a copy of the cookie is worthless from this moment. With the
 * store down: the cookie is cleared all the same, and 503 says the record could not be deleted.
 */
export const POST = apiRoute(async (request) => {
  const { session } = services();
  return logout(request, "session", (input, ctx) => session.revoke(input, ctx), () => [session.clear()]);
});

export const GET = methodNotAllowed("POST");
