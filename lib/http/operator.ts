import "server-only";
import { bearerToken } from "../auth/bearer";
import { secrets } from "../config/secrets";
import { safeEqual } from "../crypto";
import { ApiError } from "../errors";

/**
 * Server-wide choices — which session store, key rotation, the lab counts — belong to the operator,
 * never to a lab's (demo) admin: they affect every lab. The operator proves it with
 * `Authorization: Bearer <OPERATOR_TOKEN>`, compared in constant time.
 */
export function requireOperator(request: Request): void {
  const expected = secrets().operatorToken;
  if (!expected) throw new ApiError("OPERATOR_DISABLED");
  const given = bearerToken(request.headers.get("authorization"));
  if (!given || !safeEqual(given, expected)) throw new ApiError("OPERATOR_REQUIRED", { headers: { "WWW-Authenticate": 'Bearer realm="authlab-operator"' } });
}
