import { authContext, traced } from "@/lib/auth/request-auth";
import { deliverCookies, jwtDelivery } from "@/lib/auth/jwt-delivery";
import { services } from "@/lib/auth/services";
import { credentialInput } from "@/lib/http/request";
import { errorJson, json } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Spends the refresh cookie, returns a new access token and a rotated refresh cookie.
 * `?cookies=refresh-only`: the access token only in the body (clients that keep it in memory).
 */
export const POST = apiRoute(async (request) => {
  const delivery = jwtDelivery(request.nextUrl);
  const ctx = await authContext("jwt");
  const result = await traced(ctx, () => services().jwt.refresh(credentialInput(request), ctx));
  if (!result.ok) return errorJson(result.code, { cookies: result.cookies, trace: ctx.trace, extra: { trace: ctx.trace } });
  ctx.trace.setVerdict(true, 200);
  return json(
    { accessToken: result.accessToken, tokenType: "Bearer", expiresIn: result.expiresIn, user: result.user, trace: ctx.trace },
    { cookies: deliverCookies(result.cookies, delivery === "none" ? "refresh-only" : delivery), trace: ctx.trace },
  );
});

export const GET = methodNotAllowed("POST");
