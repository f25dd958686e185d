"use client";

import Link from "next/link";
import { useId } from "react";
import type { ChallengeView } from "@/lib/challenges/view";
import { CheckForm, type SolvedAnswer } from "./check-form";
import { CsrfAttackLink } from "./csrf-attack-link";
import { CurlLines } from "./curl-lines";
import { Hints } from "./hints";

/** One challenge: its goal, where to work, hints on request, and the server's check. */
export function ChallengeCard({ challenge, origin, labHeader, onSolved }: { challenge: ChallengeView; origin: string; labHeader: string | null; onSolved: (id: ChallengeView["id"], answer: SolvedAnswer) => void }) {
  const titleId = useId();
  return (
    <article aria-labelledby={titleId} data-challenge={challenge.id} className={`space-y-3 rounded-lg border bg-white p-4 ${challenge.solved ? "border-emerald-500" : "border-slate-200"}`}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={titleId} className="text-lg font-semibold">
          {challenge.title}
        </h2>
        {challenge.solved ? (
          <span data-testid="challenge-solved" className="rounded bg-emerald-100 px-2 py-0.5 text-sm font-semibold text-emerald-900">
            ✓ Solved{challenge.solvedAt ? ` ${new Date(challenge.solvedAt).toISOString().slice(11, 16)} UTC` : ""}
          </span>
        ) : (
          <span data-testid="challenge-open" className="rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-800">
            Not solved
          </span>
        )}
      </header>
      <p className="font-medium">{challenge.goal}</p>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {challenge.links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="inline-flex min-h-6 items-center text-indigo-800 underline">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
      {challenge.tool === "csrf-attack-link" ? <CsrfAttackLink /> : null}
      <Hints hints={challenge.hints} titleId={titleId} />
      {challenge.curl ? <CurlLines lines={challenge.curl} origin={origin} labHeader={labHeader} /> : null}
      <p className="text-xs text-slate-700">When you press Check, the server checks {challenge.serverChecks}</p>
      {challenge.lesson ? (
        <p data-testid="challenge-lesson" className="rounded border-l-4 border-emerald-600 bg-emerald-50 p-2 text-sm text-emerald-950">
          {challenge.lesson}
        </p>
      ) : null}
      <CheckForm challenge={challenge} onSolved={(answer) => onSolved(challenge.id, answer)} />
    </article>
  );
}
