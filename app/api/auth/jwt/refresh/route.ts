import { deliverCookies, jwtDelivery } from "@/lib/auth/jwt-delivery";
import { services } from "@/lib/auth/services";
import { errorJson, json } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Spends the refresh cookie, returns a new access token and a rotated refresh cookie.
 * `?cookies=refresh-only`: the access token only in the body (clients that keep it in memory).
 */
export const POST = labRoute(async (ctx, request) => {
  const delivery = jwtDelivery(new URL(request.url));
  const { trace } = ctx;
  const result = await services().jwt.refresh(ctx.input, ctx.auth);
  if (!result.ok) return errorJson(result.code, { cookies: result.cookies, trace, extra: { trace } });
  trace.setVerdict(true, 200);
  return json(
    { accessToken: result.accessToken, tokenType: "Bearer", expiresIn: result.expiresIn, user: result.user, trace },
    { cookies: deliverCookies(result.cookies, delivery === "none" ? "refresh-only" : delivery), trace },
  );
});

export const GET = methodNotAllowed("POST");
