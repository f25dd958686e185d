import { authContext, traced } from "@/lib/auth/request-auth";
import { deliverCookies, jwtDelivery } from "@/lib/auth/jwt-delivery";
import { services } from "@/lib/auth/services";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { readJson } from "@/lib/http/body";
import { clientAddress, credentialInput } from "@/lib/http/request";
import { verifyLogin } from "@/lib/users/login";
import { loginSchema } from "@/lib/users/schemas";
import { publicUser, toAuthUser } from "@/lib/users/users";

export const POST = apiRoute(async (request) => {
  const { jwt, users } = services();
  const delivery = jwtDelivery(request.nextUrl);
  const user = await verifyLogin(await readJson(request, loginSchema), clientAddress(request), users);
  const ctx = await authContext("jwt");
  if (delivery === "none") {
    // Token only: for API clients that keep the token themselves. No cookies, hence no refresh token.
    const only = await traced(ctx, () => jwt.issueAccessOnly(toAuthUser(user), ctx));
    ctx.trace.setVerdict(true, 200);
    return json({ accessToken: only.accessToken, tokenType: "Bearer", expiresIn: only.expiresIn, user: publicUser(user), trace: ctx.trace }, { trace: ctx.trace });
  }
  const issued = await traced(ctx, () => jwt.issue(toAuthUser(user), credentialInput(request), ctx));
  ctx.trace.setVerdict(true, 200);
  return json(
    { accessToken: issued.accessToken, tokenType: "Bearer", expiresIn: issued.expiresIn, user: publicUser(user), trace: ctx.trace },
    { cookies: deliverCookies(issued.cookies, delivery), trace: ctx.trace },
  );
});
