import { rotateKeyFile } from "@/lib/auth/asymmetric-keys";
import { services } from "@/lib/auth/services";
import { appEnv } from "@/lib/config/env";
import { ApiError } from "@/lib/errors";
import { requireOperator } from "@/lib/http/operator";
import { json } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * The operator publishes the server's next signing key now; it signs after the publish-ahead delay
 * and the old key turns verify-only. Server-wide (every lab's tokens), so never a lab admin's action.
 */
export const POST = apiRoute(async (request) => {
  requireOperator(request);
  const env = appEnv();
  if (env.jwtAlgorithm === "HS256") throw new ApiError("KEY_ROTATION_UNSUPPORTED");
  await services().jwtKeys(); // make sure the file exists before rotating it
  const next = await rotateKeyFile(env.jwtKeysFile, env.jwtAlgorithm, new Date(), env.jwksPublishAheadSeconds);
  return json({ kid: next.kid, alg: next.alg, activatesAt: next.activatesAt, publishAheadSeconds: env.jwksPublishAheadSeconds });
});

export const GET = methodNotAllowed("POST");
