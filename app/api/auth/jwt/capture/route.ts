import { bearerToken } from "@/lib/auth/bearer";
import { cookieNames } from "@/lib/auth/cookies";
import { decodeJwtParts } from "@/lib/auth/inspect";
import { sha256Hex } from "@/lib/crypto";
import { saveCapture } from "@/lib/lab/captures";
import { json } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Lab: keep a copy of the credentials this browser sends, for the replay scenarios, in this lab
 * only. It lives under /api/auth/jwt because that is the only path the refresh cookie is sent to.
 */
export const POST = labRoute(async (ctx) => {
  const { input } = ctx;
  const names = cookieNames();
  const access = bearerToken(input.authorization) ?? input.cookies[names.access];
  const captured = { session: input.cookies[names.session], access, refresh: input.cookies[names.refresh] };
  const captureId = saveCapture({ labId: ctx.lab.id, ...captured });
  const session = input.cookies[names.session] ? await ctx.authenticate({ mode: "session" }) : null;
  const jti = access ? decodeJwtParts(access).payload?.jti : undefined;
  return json({
    captureId,
    captured: { session: Boolean(captured.session), access: Boolean(captured.access), refresh: Boolean(captured.refresh) },
    preview: { sessionIdPrefix: session?.ok ? session.credential.handle.slice(0, 12) : null, jti: typeof jti === "string" ? jti : null, refreshHashPrefix: captured.refresh ? sha256Hex(captured.refresh).slice(0, 10) : null },
  });
});

export const GET = methodNotAllowed("POST");
