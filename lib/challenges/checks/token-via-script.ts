import type { ErrorCode } from "../../errors";
import { notSolved, solved, withAnswer, type Decision } from "../decision";

export const TOKEN_VIA_SCRIPT_ANSWER = "ride-not-read";

export interface TokenViaScriptFacts {
  /** The server's verification of the pasted token with this lab's keys, and its lab claim. */
  verdict: { ok: true; email: string; sameLab: boolean } | { ok: false; code: ErrorCode };
  /** Where the lab's JWT pane keeps its token now. */
  jwtStorage: string;
}

/** Solved when the pasted token is a real, valid access token of this lab (what the script stole works). */
export function decideTokenViaScript(facts: TokenViaScriptFacts, answer: string | null): Decision {
  const { verdict } = facts;
  if (!verdict.ok) return notSolved(`The server does not accept this as an access token (${verdict.code}): paste the token the script read, whole.`);
  if (!verdict.sameLab) return notSolved("This is a real access token, but of another lab: steal one in your own lab.");
  return withAnswer(solved(`A valid access token of ${verdict.email} in this lab (the JWT pane keeps its token in ${facts.jwtStorage} now)`), answer, TOKEN_VIA_SCRIPT_ANSWER);
}
