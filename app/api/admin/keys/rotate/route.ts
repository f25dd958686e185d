import { rotateKeyFile } from "@/lib/auth/asymmetric-keys";
import { requireUser } from "@/lib/auth/require-user";
import { services } from "@/lib/auth/services";
import { appEnv } from "@/lib/config/env";
import { ApiError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { apiRoute, methodNotAllowed } from "@/lib/http/route";

/** Publish the next signing key now; it signs after the publish-ahead delay; the old key turns verify-only. */
export const POST = apiRoute(async (request) => {
  await requireUser(request, { role: "admin" });
  const env = appEnv();
  if (env.jwtAlgorithm === "HS256") throw new ApiError("KEY_ROTATION_UNSUPPORTED");
  await services().jwtKeys(); // make sure the file exists before rotating it
  const next = await rotateKeyFile(env.jwtKeysFile, env.jwtAlgorithm, new Date(), env.jwksPublishAheadSeconds);
  return json({ kid: next.kid, alg: next.alg, activatesAt: next.activatesAt, publishAheadSeconds: env.jwksPublishAheadSeconds });
});

export const GET = methodNotAllowed("POST");
