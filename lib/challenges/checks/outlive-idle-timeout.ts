import type { ErrorCode } from "../../errors";
import { formatDuration } from "../../scenarios/format";
import { notSolved, solved, type Decision } from "../decision";

export interface IdleTimeoutFacts {
  /** The server's verdict on the session cookie this check carried, and the session's creation (lab clock). */
  session: { ok: true; createdAtMs: number; lastSeenAtMs: number; idleExpiresAtMs: number } | { ok: false; code: ErrorCode };
  /** Now, on the lab's auth clock. */
  nowMs: number;
  sessionIdleSeconds: number;
}

/**
 * Solved when a valid session is older than its idle timeout: sliding expiry kept it alive. The
 * timeout is the longer of the lab's setting and the window the record itself lives under
 * (`idleExpiresAt − lastSeenAt`, read before this check could slide it): a session that never slid
 * is always younger than its window, however far the setting is lowered after it was issued.
 */
export function decideOutliveIdleTimeout(facts: IdleTimeoutFacts): Decision {
  const { session } = facts;
  if (!session.ok) {
    if (session.code === "UNAUTHENTICATED") return notSolved("This check carried no session cookie: log in on the Session pane first.");
    return notSolved(`Your session cookie is refused (${session.code})${session.code === "SESSION_IDLE_TIMEOUT" ? ": it sat idle for too long — call the API between the clock moves" : ""}. Log in again and start over.`);
  }
  const ageSeconds = Math.floor((facts.nowMs - session.createdAtMs) / 1000);
  const age = formatDuration(Math.max(0, ageSeconds));
  const windowSeconds = Math.max(facts.sessionIdleSeconds, Math.floor((session.idleExpiresAtMs - session.lastSeenAtMs) / 1000));
  const idle = formatDuration(windowSeconds);
  if (ageSeconds <= windowSeconds) return notSolved(`Your session is valid and ${age} old on the lab's clock; the idle timeout is ${idle}: keep it alive past that.`);
  return solved(`Your session is valid and ${age} old on the lab's clock, past the ${idle} idle timeout`);
}
