import { services } from "@/lib/auth/services";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { verifyLogin } from "@/lib/users/login";
import { loginSchema } from "@/lib/users/schemas";
import { publicUser, toAuthUser } from "@/lib/users/users";

export const POST = labRoute(async (ctx, request) => {
  const { session, users } = services();
  const row = await verifyLogin(await readJson(request, loginSchema), ctx.clientAddress, ctx.lab.id, users);
  const issued = await session.issue(toAuthUser(row), ctx.input, ctx.auth);
  ctx.trace.setVerdict(true, 200);
  return json(
    { user: publicUser(row), session: { expiresAt: issued.expiresAt.toISOString(), absoluteExpiresAt: issued.session.absoluteExpiresAt.toISOString() }, trace: ctx.trace },
    { cookies: issued.cookies, trace: ctx.trace },
  );
});
