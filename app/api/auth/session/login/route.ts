import { authContext, traced } from "@/lib/auth/request-auth";
import { services } from "@/lib/auth/services";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { readJson } from "@/lib/http/body";
import { clientAddress, credentialInput } from "@/lib/http/request";
import { verifyLogin } from "@/lib/users/login";
import { loginSchema } from "@/lib/users/schemas";
import { publicUser, toAuthUser } from "@/lib/users/users";

export const POST = apiRoute(async (request) => {
  const { session, users } = services();
  const user = await verifyLogin(await readJson(request, loginSchema), clientAddress(request), users);
  const ctx = await authContext("session");
  const issued = await traced(ctx, () => session.issue(toAuthUser(user), credentialInput(request), ctx));
  ctx.trace.setVerdict(true, 200);
  return json(
    { user: publicUser(user), session: { expiresAt: issued.expiresAt.toISOString(), absoluteExpiresAt: issued.session.absoluteExpiresAt.toISOString() }, trace: ctx.trace },
    { cookies: issued.cookies, trace: ctx.trace },
  );
});
