"use client";

import { LinkedTerms } from "../glossary/rich-text";
import type { Verdict, Verdicts } from "./run-context";

const TONE_LABEL: Record<Verdict["tone"], string> = { safe: "✓ Holds", exposed: "⚠ Exposed", neutral: "• Note" };
const TONE_STYLE: Record<Verdict["tone"], string> = {
  safe: "bg-emerald-50 text-emerald-900",
  exposed: "bg-amber-50 text-amber-950",
  neutral: "bg-slate-50 text-slate-900",
};

function Card({ title, verdict, lane }: { title: string; verdict: Verdict; lane: "session" | "jwt" }) {
  return (
    <section aria-label={`${title} verdict`} className={`rounded-lg border-l-8 p-4 ${lane === "session" ? "border-session" : "border-jwt"} ${TONE_STYLE[verdict.tone]}`}>
      <h3 className="text-sm font-semibold uppercase tracking-wide">{title}</h3>
      <p className="mt-1 text-lg font-bold">
        <span className="mr-2 rounded bg-white/70 px-1.5 text-sm font-semibold">{TONE_LABEL[verdict.tone]}</span>
        {verdict.headline}
      </p>
      <p className="mt-2 text-sm">
        <LinkedTerms text={verdict.explanation} />
      </p>
    </section>
  );
}

/** The end of every scenario: one verdict per strategy, side by side, in words. */
export function VerdictCards({ verdicts }: { verdicts: Verdicts }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card title="Session" verdict={verdicts.session} lane="session" />
      <Card title="JWT" verdict={verdicts.jwt} lane="jwt" />
    </div>
  );
}
