import "server-only";
import type { NextRequest } from "next/server";
import { ApiError } from "../errors";
import { credentialInput } from "../http/request";
import { requestMode } from "./mode";
import { authenticate } from "./request-auth";
import type { AuthContext, AuthMode, AuthUser, CredentialInfo } from "./types";

export interface Authenticated {
  user: AuthUser;
  mode: AuthMode;
  credential: CredentialInfo;
  ctx: AuthContext;
}

/**
 * Route handlers call this for identity: it authenticates the request itself, whatever the proxy
 * did, so a matcher that misses a path cannot open it. Role checks read the verdict of this
 * request's own strategy: in JWT mode, the role in the token.
 */
export async function requireUser(request: NextRequest, options: { mode?: AuthMode; role?: "admin" } = {}): Promise<Authenticated> {
  const input = credentialInput(request);
  const mode = options.mode ?? requestMode(request.nextUrl, input);
  const { result, ctx } = await authenticate(mode, input);
  if (!result.ok) throw new ApiError(result.code);
  if (options.role && result.user.role !== options.role) throw new ApiError("FORBIDDEN");
  return { user: result.user, mode, credential: result.credential, ctx };
}
