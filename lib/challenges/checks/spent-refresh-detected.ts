import { notSolved, solved, withAnswer, type Decision } from "../decision";

export const SPENT_REFRESH_ANSWER = "family-revoked";

export interface SpentRefreshFacts {
  /** The lab's security events, newest first (their kinds). */
  eventKinds: string[];
}

/** Solved when the lab holds a REFRESH_TOKEN_REUSED event: the server itself detected a reuse. */
export function decideSpentRefresh(facts: SpentRefreshFacts, answer: string | null): Decision {
  const count = facts.eventKinds.filter((k) => k === "REFRESH_TOKEN_REUSED").length;
  if (count === 0) return notSolved("This lab's security events hold no REFRESH_TOKEN_REUSED: no spent refresh token has been presented past the grace window yet.");
  return withAnswer(solved(`This lab's security events hold ${count} REFRESH_TOKEN_REUSED event${count === 1 ? "" : "s"}`), answer, SPENT_REFRESH_ANSWER);
}
