import "server-only";
import type { NextRequest } from "next/server";
import { getPrisma } from "../db/client";
import { parseCookieHeader } from "./request";

/**
 * Records a refused cross-origin request as a security event, so the lab can show the CSRF attempt
 * that never reached a handler. Which cookie names arrived is recorded (SameSite decides that), never
 * their values. Recording is best effort: a failure here must not turn a 403 into a 500.
 */
export async function recordCrossOriginRefusal(request: NextRequest): Promise<void> {
  try {
    await getPrisma().authEvent.create({
      data: {
        at: new Date(),
        kind: "CROSS_ORIGIN_REFUSED",
        detail: JSON.stringify({
          method: request.method,
          path: request.nextUrl.pathname,
          origin: request.headers.get("origin"),
          secFetchSite: request.headers.get("sec-fetch-site"),
          cookiesSent: Object.keys(parseCookieHeader(request.headers.get("cookie"))),
        }),
      },
    });
  } catch (error) {
    console.warn("authlab: could not record a cross-origin refusal:", error instanceof Error ? error.message : error);
  }
}
