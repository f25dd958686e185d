import "server-only";
import { readCsrfDemoLab, readLabCookie, labCookieName } from "../labs/lab-cookie";
import { DEFAULT_LAB_ID } from "../labs/lab-id";
import { stores } from "../stores/registry";
import { parseCookieHeader, queryParam } from "./request";

/** Refusals a lab keeps (the newest): a flood of them never pushes out the lab's other events. */
export const REFUSALS_KEPT_PER_LAB = 20;

/**
 * Records a refused cross-origin request as a security event, so the lab can show the CSRF attempt
 * that never reached a handler. Which cookie names arrived is recorded (SameSite decides that), never
 * their values. The lab: the one the lab cookie proves, if the browser sent it; else the one a
 * signed `?lab=<labId>.<tag>` proves (the lab's own CSRF demo page is given one by its lab, since a
 * SameSite=Lax lab cookie does not travel cross-site). A lab's id is public, so a bare id, a forged
 * tag or a lab cookie's value in `?lab=` names nothing: the event goes to the default lab, marked as
 * such. Refusals are capped per lab apart from the lab's other events (REFUSALS_KEPT_PER_LAB), so
 * however many requests arrive they cannot erase what the lab itself recorded. Best effort: a
 * failure here must not turn a 403 into a 500.
 */
export async function recordCrossOriginRefusal(request: Request): Promise<void> {
  const cookies = parseCookieHeader(request.headers.get("cookie"));
  const reading = readLabCookie(cookies[labCookieName()]);
  const tagged = reading.kind === "lab" ? null : readCsrfDemoLab(queryParam(request.url, "lab"));
  const labId = reading.kind === "lab" ? reading.labId : (tagged ?? DEFAULT_LAB_ID);
  try {
    await stores().events.record(
      labId,
      {
        at: new Date(),
        kind: "CROSS_ORIGIN_REFUSED",
        // Every field is the attacker's to choose: each is cut short, so a refused request cannot grow the database.
        detail: {
          method: request.method.slice(0, 16),
          path: new URL(request.url).pathname.slice(0, 200),
          origin: request.headers.get("origin")?.slice(0, 200) ?? null,
          secFetchSite: request.headers.get("sec-fetch-site")?.slice(0, 32) ?? null,
          cookiesSent: Object.keys(cookies).slice(0, 20).map((name) => name.slice(0, 64)),
          labFrom: reading.kind === "lab" ? "lab cookie" : tagged ? "the request's signed ?lab=" : "none (default lab)",
        },
      },
      { keepOfKind: REFUSALS_KEPT_PER_LAB },
    );
  } catch (error) {
    console.warn("authlab: could not record a cross-origin refusal:", error instanceof Error ? error.message : error);
  }
}
