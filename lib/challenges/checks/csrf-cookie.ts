import { notSolved, solved, withAnswer, type Decision } from "../decision";

export const CSRF_COOKIE_ANSWER = "session-cookie";

export interface CsrfFacts {
  /** The lab's security events, newest first (their kinds). */
  eventKinds: string[];
}

/** Solved when the lab recorded a refused cross-site request and the learner names the session cookie. */
export function decideCsrfCookie(facts: CsrfFacts, answer: string | null): Decision {
  const count = facts.eventKinds.filter((k) => k === "CROSS_ORIGIN_REFUSED").length;
  if (count === 0) return notSolved("This lab's security events hold no CROSS_ORIGIN_REFUSED: no cross-site request has reached it yet. Open the attacker's page.");
  return withAnswer(solved(`This lab recorded ${count} refused cross-site request${count === 1 ? "" : "s"} (CROSS_ORIGIN_REFUSED)`), answer, CSRF_COOKIE_ANSWER);
}
