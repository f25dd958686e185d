import { authContext, traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import { credentialInput } from "@/lib/http/request";
import { errorJson, json } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/** Spends the refresh cookie, returns a new access token and a rotated refresh cookie. */
export const POST = apiRoute(async (request) => {
  const ctx = await authContext("jwt");
  const result = await traced(ctx, () => services().jwt.refresh(credentialInput(request), ctx));
  if (!result.ok) return errorJson(result.code, { cookies: result.cookies, trace: ctx.trace, extra: { trace: ctx.trace } });
  ctx.trace.setVerdict(true, 200);
  return json(
    { accessToken: result.accessToken, tokenType: "Bearer", expiresIn: result.expiresIn, user: result.user, trace: ctx.trace },
    { cookies: result.cookies, trace: ctx.trace },
  );
});

export const GET = methodNotAllowed("POST");
