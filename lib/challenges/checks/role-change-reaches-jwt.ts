import type { ErrorCode } from "../../errors";
import { notSolved, solved, type Decision } from "../decision";

export interface RoleChangeFacts {
  verdict: { ok: true; claimRole: string; email: string } | { ok: false; code: ErrorCode } | { ok: false; code: "NO_TOKEN" };
  /** The user's role in the database now, and the role the account started with; null when the user is gone. */
  user: { role: string; startingRole: string } | null;
}

/**
 * Solved when the token carries the user's current role and that role is not the one the account
 * started with. A role claim is copied from the database when a token is minted, so a token saying
 * the changed role was minted after the change (a refresh, a new login).
 */
export function decideRoleChange(facts: RoleChangeFacts): Decision {
  const { verdict, user } = facts;
  if (!verdict.ok) {
    if (verdict.code === "NO_TOKEN") return notSolved("No access token reached the server: log alice in on the JWT pane (its cookie travels with this check), or paste a token.");
    return notSolved(`The server refuses this token (${verdict.code}).`);
  }
  if (!user) return notSolved(`The token's user (${verdict.email}) no longer exists in this lab.`);
  if (user.role === user.startingRole) return notSolved(`${verdict.email}'s role in the database is still ${user.role}, the role the account started with: change it first, as the admin.`);
  if (verdict.claimRole !== user.role) return notSolved(`The token says role ${verdict.claimRole}, the database says ${user.role}: this token was minted before the change. Get a new one.`);
  return solved(`The token says role ${verdict.claimRole}, as the database now does for ${verdict.email} (the account started as ${user.startingRole})`);
}
