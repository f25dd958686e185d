/**
 * How to stay "active" up to the absolute timeout with the demo clock: jumps shorter than the idle
 * timeout, each followed by a request, until the absolute lifetime is behind us.
 */
export interface ActivityPlan {
  jumpSeconds: number;
  /** Jumps that stay inside the absolute lifetime (each answered 200). */
  activeRounds: number;
  /** The last jump, which lands past the absolute lifetime. */
  finalJumpSeconds: number;
}

/** Beyond this many rounds the walk would flood the request history: the scenario says so instead. */
export const MAX_ACTIVITY_ROUNDS = 60;

export function activityPlan(idleSeconds: number, absoluteSeconds: number): ActivityPlan | null {
  // A margin inside the idle window, so each request is comfortably "in time".
  const jumpSeconds = idleSeconds > 120 ? idleSeconds - 60 : Math.max(1, Math.floor(idleSeconds / 2));
  const activeRounds = Math.floor((absoluteSeconds - 1) / jumpSeconds);
  const elapsed = activeRounds * jumpSeconds;
  // Land a little past the absolute lifetime but still inside the idle window, so the refusal
  // cannot be mistaken for an idle timeout.
  const marginSeconds = Math.max(1, Math.min(30, Math.floor(idleSeconds / 4)));
  const finalJumpSeconds = Math.min(absoluteSeconds - elapsed + marginSeconds, idleSeconds - 1);
  if (activeRounds + 1 > MAX_ACTIVITY_ROUNDS || elapsed + finalJumpSeconds <= absoluteSeconds) return null;
  return { jumpSeconds, activeRounds, finalJumpSeconds };
}
