"use client";

import Link from "next/link";
import { RichText } from "../glossary/rich-text";
import type { TourNote } from "./step-context";
import type { TourStep } from "./tour-steps";
import { tourHref } from "./tour-url";

export interface TourRun {
  step: number;
  status: "running" | "done" | "failed";
  notes: TourNote[];
}

const TONE_MARK: Record<TourNote["tone"], string> = { "request-ok": "✓", "request-refused": "✗", "attacker-in": "✗", "attacker-blocked": "✓", info: "•" };
/** Read before the note by screen readers; shown as a badge for the attacker's notes. */
const TONE_LABEL: Record<TourNote["tone"], string> = {
  "request-ok": "answered",
  "request-refused": "refused",
  "attacker-in": "Attacker got in",
  "attacker-blocked": "Attacker blocked",
  info: "note",
};
const TONE_CLASS: Record<TourNote["tone"], string> = {
  "request-ok": "text-slate-800",
  "request-refused": "text-slate-800",
  "attacker-in": "rounded border-l-4 border-red-700 bg-red-50 px-2 py-0.5 font-semibold text-red-950",
  "attacker-blocked": "rounded border-l-4 border-emerald-700 bg-emerald-50 px-2 py-0.5 font-semibold text-emerald-950",
  info: "text-slate-700",
};

function isAttackerNote(tone: TourNote["tone"]): boolean {
  return tone === "attacker-in" || tone === "attacker-blocked";
}

/**
 * What to watch, and what the server answered, beside the panes that act: on a projector the
 * class sees the step, the panes and the outcome in one screen.
 */
export function TourResults({ current, step, count, run, presenter }: { current: TourStep; step: number; count: number; run: TourRun | null; presenter: boolean }) {
  return (
    <section aria-label="What to watch and what the server answered" className={`space-y-3 rounded-lg border border-slate-300 bg-white p-3 ${presenter ? "text-base" : "text-sm"}`}>
      {current.watch ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-2" data-testid="tour-watch">
          <strong>Watch: </strong>
          <RichText text={current.watch} />
        </p>
      ) : null}
      {run ? (
        <div>
          <h2 className="font-semibold">{run.status === "running" ? "Running…" : run.status === "failed" ? "Stopped" : "What the server answered"}</h2>
          {/* The log around the list, not on it: role="log" on the <ol> would unmake the list. */}
          <div role="log" aria-label="What the server answered">
          <ol className={`mt-1 space-y-1 ${presenter ? "text-sm leading-snug" : "text-xs"}`}>
            {run.notes.map((note) => (
              <li key={note.id} className={`wrap-anywhere ${TONE_CLASS[note.tone]}`} data-tone={note.tone}>
                <span aria-hidden="true">{TONE_MARK[note.tone]} </span>
                {isAttackerNote(note.tone) ? <span className="mr-1 uppercase tracking-wide">{TONE_LABEL[note.tone]}:</span> : <span className="sr-only">{TONE_LABEL[note.tone]}: </span>}
                {note.text}
              </li>
            ))}
          </ol>
          </div>
          {run.status === "done" && step < count ? (
            <p className="mt-1 text-right">
              <Link href={tourHref(step + 1, presenter)} prefetch={false} scroll={false} className="inline-flex min-h-6 items-center text-blue-800 underline">
                Continue to step {step + 1} →
              </Link>
            </p>
          ) : null}
        </div>
      ) : current.doIt ? (
        <p className="text-slate-600">Press “Do it” above: the panes beside this act, and the server&apos;s answers appear here.</p>
      ) : null}
    </section>
  );
}
