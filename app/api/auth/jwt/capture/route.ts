import { bearerToken } from "@/lib/auth/bearer";
import { cookieNames } from "@/lib/auth/cookies";
import { decodeJwtParts } from "@/lib/auth/inspect";
import { services } from "@/lib/auth/services";
import { saveCapture } from "@/lib/lab/captures";
import { credentialInput } from "@/lib/http/request";
import { json } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Lab: keep a copy of the credentials this browser sends, for the replay scenarios. It lives under
 * /api/auth/jwt because that is the only path the refresh cookie is sent to.
 */
export const POST = apiRoute(async (request) => {
  const input = credentialInput(request);
  const names = cookieNames();
  const bearer = bearerToken(input.authorization);
  const access = bearer ?? input.cookies[names.access];
  const captured = { session: input.cookies[names.session], access, refresh: input.cookies[names.refresh] };
  const captureId = saveCapture(captured);
  const sessionId = await services().session.sessionIdOf(input);
  const jti = access ? decodeJwtParts(access).payload?.jti : undefined;
  return json({
    captureId,
    captured: { session: Boolean(captured.session), access: Boolean(captured.access), refresh: Boolean(captured.refresh) },
    preview: { sessionIdPrefix: sessionId?.slice(0, 12) ?? null, jti: typeof jti === "string" ? jti : null },
  });
});

export const GET = methodNotAllowed("POST");
