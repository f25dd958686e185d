import { logout } from "@/lib/auth/logout";
import { labRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Deletes the server-side record: a copy of the cookie is worthless from this moment. With the
 * store down: the cookie is cleared all the same, and 503 says the record could not be deleted.
 */
export const POST = labRoute((ctx, request) => logout(ctx, "session", request));

export const GET = methodNotAllowed("POST");
