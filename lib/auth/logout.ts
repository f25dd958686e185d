import "server-only";
import { StoreUnavailableError } from "../errors";
import type { RequestContext } from "../http/request-context";
import { errorJson, noContent } from "../http/respond";
import { logStoreUnavailable, unavailableDetail } from "../http/route";
import type { AuthMode } from "./types";

const NOT_REVOKED_MESSAGE =
  "Signed out in this browser, but the server could not delete the credential because its store is unavailable: " +
  "a copy of it keeps working until the store is back and it expires or is revoked. Try again, or use \"log out everywhere\" later.";

/**
 * Logout, also while the store is down. The user asked to sign out, so the browser forgets the
 * credential either way (the cookies are cleared). But the server-side revocation (deleting the
 * session record, revoking the refresh family, denylisting the access token) did not happen, and
 * the answer says so: 503 `STORE_UNAVAILABLE` with Retry-After and `details.serverRevoked: false`,
 * never a 204 that would claim a revocation that did not take place.
 */
export async function logout(ctx: RequestContext, mode: AuthMode, request: Request): Promise<Response> {
  const strategy = ctx.strategy(mode);
  try {
    const { cookies } = await strategy.revoke(ctx.input, ctx.auth);
    return noContent({ cookies, trace: ctx.trace });
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    logStoreUnavailable(request, error);
    ctx.trace.stopped("store-unavailable", "A store the logout needed", "store", unavailableDetail(error));
    return errorJson("STORE_UNAVAILABLE", {
      message: NOT_REVOKED_MESSAGE,
      details: { serverRevoked: false, store: error.backend ?? null },
      headers: { "Retry-After": String(error.retryAfterSeconds) },
      cookies: strategy.clearCookies(),
      trace: ctx.trace,
      extra: { trace: ctx.trace },
    });
  }
}
