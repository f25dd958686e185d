import { bearerToken } from "@/lib/auth/bearer";
import { cookieNames } from "@/lib/auth/cookies";
import { ApiError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Lab: hand this browser's credential to the second service (scripts/verifier-service.mjs), which
 * has no database and no session store — only our published JWKS. A JWT verifies there; a session
 * cookie cannot mean anything there. A POST, under the cross-origin check: another site must not be
 * able to make this server send the browser's credential anywhere by a link.
 */
export const POST = labRoute(async (ctx) => {
  const { input, mode } = ctx;
  const names = cookieNames();
  const headers: Record<string, string> = {};
  if (mode === "jwt") {
    const token = bearerToken(input.authorization) ?? input.cookies[names.access];
    if (token) headers.authorization = `Bearer ${token}`;
  } else if (input.cookies[names.session]) {
    headers.cookie = `${names.session}=${input.cookies[names.session]}`;
  }
  const base = process.env.VERIFIER_URL ?? "http://127.0.0.1:4100";
  let response: Response;
  try {
    response = await fetch(new URL("/whoami", base), { headers, signal: AbortSignal.timeout(2000) });
  } catch {
    throw new ApiError("SECOND_SERVICE_UNAVAILABLE", { message: `The second service is not running at ${base}; start it with: npm run verifier`, headers: { "Retry-After": "5" } });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (not our second service at that address): shown as text.
  }
  return json({ mode, service: base, status: response.status, body });
});

export const GET = methodNotAllowed("POST");
