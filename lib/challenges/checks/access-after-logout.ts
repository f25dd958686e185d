import type { ErrorCode } from "../../errors";
import { notSolved, solved, withAnswer, type Decision } from "../decision";

export const ACCESS_AFTER_LOGOUT_ANSWER = "record-deleted";
/** Revocations that are the user's own logout (not an admin's, a reuse detection or a password change). */
export const LOGOUT_REASONS: readonly string[] = ["LOGOUT", "LOGOUT_ALL"];

export interface AccessAfterLogoutFacts {
  /** The server's full verdict on the token now (signature, claims, lab, denylist). */
  verdict: { ok: true; email: string; issuedAtMs: number } | { ok: false; code: ErrorCode };
  /** The refresh families of the token's user, as revoked (lab clock). */
  families: { revokedAt: Date | null; revokeReason: string | null }[];
}

/** Solved when the server still accepts a token whose user logged out after it was issued. */
export function decideAccessAfterLogout(facts: AccessAfterLogoutFacts, answer: string | null): Decision {
  const { verdict } = facts;
  if (!verdict.ok) {
    const why = verdict.code === "TOKEN_REVOKED" ? "the denylist caught it — turn the denylist off to see what a JWT does without one" : "it is not (or no longer) a token the server accepts";
    return notSolved(`The server refuses this token (${verdict.code}): ${why}.`);
  }
  const logout = facts.families.find((f) => f.revokedAt && f.revokeReason && LOGOUT_REASONS.includes(f.revokeReason) && f.revokedAt.getTime() >= verdict.issuedAtMs);
  if (!logout) return notSolved(`The server accepts this token, but ${verdict.email} has not logged out since it was issued: log out (the JWT pane's Log out or Log out everywhere), then check again.`);
  return withAnswer(solved(`The server still accepts this token of ${verdict.email}, who logged out (${logout.revokeReason}) after it was issued`), answer, ACCESS_AFTER_LOGOUT_ANSWER);
}
