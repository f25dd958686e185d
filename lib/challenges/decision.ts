/** What a check decided: solved, with what the server saw — or not, with the reason in the server's words. */
export type Decision = { solved: true; saw: string } | { solved: false; reason: string };

export const solved = (saw: string): Decision => ({ solved: true, saw });
export const notSolved = (reason: string): Decision => ({ solved: false, reason });

/**
 * The multiple-choice part, checked last and on the server: the evidence comes first, so that a
 * right guess alone never solves a challenge, and a wrong answer says only that it is wrong.
 */
export function withAnswer(evidence: Decision, answer: string | null, correct: string): Decision {
  if (!evidence.solved) return evidence;
  if (!answer) return notSolved(`${evidence.saw} — now choose an answer to the question.`);
  if (answer !== correct) return notSolved(`${evidence.saw} — but that answer is not the right one. Read the hints again and choose another.`);
  return evidence;
}
