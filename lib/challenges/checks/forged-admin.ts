import type { ErrorCode } from "../../errors";
import { notSolved, solved, withAnswer, type Decision } from "../decision";

/** The codes that mean "the signature (or the key or algorithm it claims) is not this lab's": a forgery refused. */
export const FORGERY_REFUSALS: readonly ErrorCode[] = ["TOKEN_SIGNATURE_INVALID", "TOKEN_KEY_UNKNOWN", "TOKEN_ALG_NOT_ALLOWED"];
export const FORGED_ADMIN_ANSWER = "signature";

export interface ForgedAdminFacts {
  labId: string;
  /** The payload as anyone can decode it (no key); null when the token has no JSON payload. */
  payload: Record<string, unknown> | null;
  /** What the server's own verification with this lab's keys said. */
  verdict: { ok: true } | { ok: false; code: ErrorCode };
  /** The role the token's subject really has in this lab's database (null: no such user in the lab). */
  subjectRole: string | null;
}

/** Solved when the payload raises a non-admin user of this lab to admin and the lab's keys refuse its signature. */
export function decideForgedAdmin(facts: ForgedAdminFacts, answer: string | null): Decision {
  const { payload, verdict } = facts;
  if (!payload) return notSolved("What you sent has no JWT payload the server could decode: paste the whole signed token (three parts joined by dots).");
  if (payload.role !== "admin") return notSolved(`The payload says role ${JSON.stringify(payload.role ?? null)}: make it say "admin" first.`);
  if (payload.lab !== facts.labId) return notSolved(`The payload names lab ${JSON.stringify(payload.lab ?? null)}, and this is lab ${facts.labId}: start from a token of this lab.`);
  if (verdict.ok) return notSolved("The server accepts this token: its signature verifies with this lab's key, so it is a genuine admin token, not a forgery. Sign it with a key of your own.");
  if (facts.subjectRole === null) return notSolved(`The payload's sub ${JSON.stringify(payload.sub ?? null)} is no user of this lab: start from a token of a user of this lab, alice's say.`);
  if (facts.subjectRole === "admin") return notSolved("The payload's sub is an admin already: a token of the real admin, however altered, forges nothing. Start from alice's token and raise its role.");
  if (!FORGERY_REFUSALS.includes(verdict.code)) return notSolved(`The server refused this token with ${verdict.code}, which is not about its signature: its signature was fine or never checked. Re-sign a fresh, unexpired token.`);
  return withAnswer(solved(`The payload says role admin, and this lab's keys refuse its signature (${verdict.code})`), answer, FORGED_ADMIN_ANSWER);
}
