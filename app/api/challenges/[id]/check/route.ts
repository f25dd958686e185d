import { z } from "zod";
import { MAX_TOKEN_BYTES } from "@/lib/auth/jwt-strategy";
import { findChallenge } from "@/lib/challenges/catalogue";
import { CHECKS, LESSONS } from "@/lib/challenges/checks";
import { recordSolve } from "@/lib/challenges/progress";
import { ApiError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";

/**
 * Only what the learner hands the server to look at: a token and an answer. No field can say
 * "solved" — the strict schema refuses `{ solved: true }` — and the verdict comes from the check.
 */
const checkSchema = z.strictObject({
  token: z.string().max(MAX_TOKEN_BYTES * 2).optional(),
  answer: z.string().max(64).optional(),
});

/**
 * Checks one challenge against what really happened in the caller's lab. 200 `{ solved: true }` and
 * the solve recorded for the lab; 422 `CHALLENGE_NOT_SOLVED` with what the server saw instead;
 * 404 `CHALLENGE_UNKNOWN` for an id that is no challenge.
 */
export const POST = labRoute<{ id: string }>(async (ctx, request, { id }) => {
  const challenge = findChallenge(id);
  if (!challenge) throw new ApiError("CHALLENGE_UNKNOWN");
  const body = await readJson(request, checkSchema);
  const decision = await CHECKS[challenge.id](ctx, { token: body.token?.trim() || null, answer: body.answer || null });
  if (!decision.solved) throw new ApiError("CHALLENGE_NOT_SOLVED", { message: decision.reason, details: { challenge: challenge.id } });
  const solvedAt = await recordSolve(ctx.lab.id, challenge.id);
  return json({ solved: true, challenge: challenge.id, solvedAt: solvedAt.toISOString(), saw: decision.saw, lesson: LESSONS[challenge.id] }, { trace: ctx.trace });
  // Read-only: a check looks at the lab as it is — it never slides the session it is judging.
}, { readOnly: true });

export const GET = methodNotAllowed("POST");
