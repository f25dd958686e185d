import { authContext, traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import { credentialInput } from "@/lib/http/request";
import { noContent } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/** Deletes the server-side record: a copy of the cookie is worthless from this moment. */
export const POST = apiRoute(async (request) => {
  const ctx = await authContext("session");
  const { cookies } = await traced(ctx, () => services().session.revoke(credentialInput(request), ctx));
  return noContent({ cookies, trace: ctx.trace });
});

export const GET = methodNotAllowed("POST");
