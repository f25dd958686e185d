import "server-only";
import { stores } from "../stores/registry";
import { CHALLENGES, type ChallengeId } from "./catalogue";
import { LESSONS } from "./checks";
import type { ChallengeView, LabProgress } from "./view";

/** Every challenge with this lab's solved state, read from the lab's own progress (ChallengeSolve). */
export async function labProgress(labId: string): Promise<LabProgress> {
  const solved = new Map((await stores().challenges.list(labId)).map((row) => [row.challengeId, row.solvedAt]));
  const challenges = CHALLENGES.map((c): ChallengeView => {
    const at = solved.get(c.id);
    return { ...c, solved: at !== undefined, solvedAt: at?.toISOString() ?? null, lesson: at ? LESSONS[c.id] : null };
  });
  return { labId, solvedCount: challenges.filter((c) => c.solved).length, total: CHALLENGES.length, challenges };
}

export function recordSolve(labId: string, id: ChallengeId): Promise<Date> {
  return stores().challenges.solve(labId, id, new Date());
}
