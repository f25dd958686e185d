import { deliverCookies, jwtDelivery } from "@/lib/auth/jwt-delivery";
import { services } from "@/lib/auth/services";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { verifyLogin } from "@/lib/users/login";
import { loginSchema } from "@/lib/users/schemas";
import { publicUser, toAuthUser } from "@/lib/users/users";

export const POST = labRoute(async (ctx, request) => {
  const { jwt, users } = services();
  const delivery = jwtDelivery(new URL(request.url));
  const row = await verifyLogin(await readJson(request, loginSchema), ctx.clientAddress, ctx.lab.id, users);
  const { trace } = ctx;
  if (delivery === "none") {
    // Token only: for API clients that keep the token themselves. No cookies, hence no refresh token.
    const only = await jwt.issueAccessOnly(toAuthUser(row), ctx.auth);
    trace.setVerdict(true, 200);
    return json({ accessToken: only.accessToken, tokenType: "Bearer", expiresIn: only.expiresIn, user: publicUser(row), trace }, { trace });
  }
  const issued = await jwt.issue(toAuthUser(row), ctx.input, ctx.auth);
  trace.setVerdict(true, 200);
  return json({ accessToken: issued.accessToken, tokenType: "Bearer", expiresIn: issued.expiresIn, user: publicUser(row), trace }, { cookies: deliverCookies(issued.cookies, delivery), trace });
});
