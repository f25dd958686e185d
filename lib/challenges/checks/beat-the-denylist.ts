import { notSolved, solved, withAnswer, type Decision } from "../decision";

export const BEAT_THE_DENYLIST_ANSWER = "lookup-per-request";

export interface DenylistFacts {
  /** Live entries in this lab's denylist. */
  entries: number;
  denylistEnabled: boolean;
}

/** Solved when the lab's denylist really holds an entry (a logged-out token the server will refuse). */
export function decideBeatTheDenylist(facts: DenylistFacts, answer: string | null): Decision {
  if (facts.entries === 0) {
    return notSolved(facts.denylistEnabled ? "The denylist is on, but empty: log a JWT out (the JWT pane's Log out) so that its jti is recorded." : "This lab's denylist is off and empty: turn it on (/instructor), then log a JWT out.");
  }
  return withAnswer(solved(`This lab's denylist holds ${facts.entries} entr${facts.entries === 1 ? "y" : "ies"}`), answer, BEAT_THE_DENYLIST_ANSWER);
}
