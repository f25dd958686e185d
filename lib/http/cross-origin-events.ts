import "server-only";
import { readLabCookie, labCookieName } from "../labs/lab-cookie";
import { DEFAULT_LAB_ID, isLabId } from "../labs/lab-id";
import { stores } from "../stores/registry";
import { parseCookieHeader, queryParam } from "./request";

/**
 * Records a refused cross-origin request as a security event, so the lab can show the CSRF attempt
 * that never reached a handler. Which cookie names arrived is recorded (SameSite decides that), never
 * their values. The lab: the one the lab cookie proves, if the browser sent it; else the one the
 * attacker's page names in `?lab=` (the lab's own CSRF demo does, since a SameSite=Lax lab cookie
 * does not travel cross-site) — only a lab's event list can be written that way, and it is marked
 * as named by the request. Best effort: a failure here must not turn a 403 into a 500.
 */
export async function recordCrossOriginRefusal(request: Request): Promise<void> {
  const cookies = parseCookieHeader(request.headers.get("cookie"));
  const reading = readLabCookie(cookies[labCookieName()]);
  const hint = queryParam(request.url, "lab");
  const labId = reading.kind === "lab" ? reading.labId : isLabId(hint) ? hint : DEFAULT_LAB_ID;
  try {
    await stores().events.record(labId, {
      at: new Date(),
      kind: "CROSS_ORIGIN_REFUSED",
      // Every field is the attacker's to choose: each is cut short, so a refused request cannot grow the database.
      detail: {
        method: request.method.slice(0, 16),
        path: new URL(request.url).pathname.slice(0, 200),
        origin: request.headers.get("origin")?.slice(0, 200) ?? null,
        secFetchSite: request.headers.get("sec-fetch-site")?.slice(0, 32) ?? null,
        cookiesSent: Object.keys(cookies).slice(0, 20).map((name) => name.slice(0, 64)),
        labFrom: reading.kind === "lab" ? "lab cookie" : isLabId(hint) ? "the request's ?lab=" : "none (default lab)",
      },
    });
  } catch (error) {
    console.warn("authlab: could not record a cross-origin refusal:", error instanceof Error ? error.message : error);
  }
}
