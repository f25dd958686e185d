"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { scenarioInfo } from "@/lib/scenarios/catalog";
import { announceRefresh } from "../lab/lab-client";
import { ResetDemoButton } from "../instructor/reset-demo-button";
import { ComparisonTable } from "./comparison-table";
import { DenylistSwitch } from "./denylist-switch";
import { StepContext, type TourNote } from "./step-context";
import { TOUR_STEPS } from "./tour-steps";
import { parseStep, tourHref } from "./tour-url";

interface Run {
  step: number;
  status: "running" | "done" | "failed";
  notes: TourNote[];
}

const TONE_MARK: Record<TourNote["tone"], string> = { ok: "✓", refused: "✗", info: "•" };
const TONE_LABEL: Record<TourNote["tone"], string> = { ok: "accepted", refused: "refused", info: "note" };
const TONE_CLASS: Record<TourNote["tone"], string> = { ok: "text-emerald-900", refused: "text-red-900", info: "text-slate-800" };

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * The guided tour: one step of the lesson at a time, read aloud, with a "do it" button that makes
 * the lab's panes act. The step and presenter mode live in the URL (`/tour?step=3&presenter=1`).
 */
export function TourPanel({ stepParam, presenter }: { stepParam?: string; presenter: boolean }) {
  const router = useRouter();
  const count = TOUR_STEPS.length;
  const step = parseStep(stepParam, count);
  const current = TOUR_STEPS[step - 1]!;
  const [run, setRun] = useState<Run | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const noteId = useRef(0);
  const running = run?.status === "running";
  const shownRun = run?.step === step ? run : null;

  useEffect(() => {
    // Focus follows the step so that keyboard and screen-reader users land on the new narration.
    if (firstRender.current) firstRender.current = false;
    else heading.current?.focus();
  }, [step]);

  useEffect(() => {
    // Presenter mode scales the whole page (the panes too) for a projector; the tour's own text more.
    if (!presenter) return;
    const root = document.documentElement;
    const previous = root.style.fontSize;
    root.style.fontSize = "112.5%";
    return () => {
      root.style.fontSize = previous;
    };
  }, [presenter]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || isTyping(event.target) || document.querySelector("dialog[open]")) return;
      if (event.key === "ArrowRight" && step < count) router.push(tourHref(step + 1, presenter), { scroll: false });
      if (event.key === "ArrowLeft" && step > 1) router.push(tourHref(step - 1, presenter), { scroll: false });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, step, count, presenter]);

  async function doIt() {
    const action = current.doIt;
    if (!action || running) return;
    const notes: TourNote[] = [];
    setRun({ step, status: "running", notes });
    const ctx = new StepContext((tone, text) => {
      notes.push({ id: ++noteId.current, tone, text });
      setRun({ step, status: "running", notes: [...notes] });
    });
    try {
      await action.run(ctx);
      setRun({ step, status: "done", notes: [...notes] });
    } catch (caught) {
      notes.push({ id: ++noteId.current, tone: "refused", text: caught instanceof Error ? caught.message : "The step stopped unexpectedly." });
      setRun({ step, status: "failed", notes: [...notes] });
    } finally {
      announceRefresh();
    }
  }

  const big = presenter;
  return (
    <section aria-labelledby="tour-step-title" className={`rounded-lg border border-slate-300 bg-white p-5 shadow-sm ${big ? "text-lg" : ""}`}>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          Guided tour · step {step} of {count}
        </p>
        <div className="ml-auto flex flex-wrap items-center gap-3 text-base">
          <button
            type="button"
            aria-pressed={presenter}
            onClick={() => router.push(tourHref(step, !presenter), { scroll: false })}
            className={`rounded-full border px-3 py-1 ${presenter ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            Presenter mode{presenter ? <span aria-hidden="true"> ✓</span> : null}
          </button>
          <ResetDemoButton onReset={() => setRun(null)} />
        </div>
      </div>

      <nav aria-label="Tour steps" className="mt-3">
        <ol className="flex flex-wrap gap-2 text-sm">
          {TOUR_STEPS.map((s, i) => (
            <li key={s.title}>
              <Link
                href={tourHref(i + 1, presenter)}
                prefetch={false}
                scroll={false}
                aria-current={i + 1 === step ? "step" : undefined}
                className={`block rounded border px-2 py-1 ${i + 1 === step ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 hover:bg-slate-100"}`}
              >
                {i + 1}. {s.title}
              </Link>
            </li>
          ))}
        </ol>
      </nav>

      <div className="mt-4 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div>
          <h1 id="tour-step-title" ref={heading} tabIndex={-1} className={`font-bold ${big ? "text-4xl" : "text-2xl"}`}>
            {current.title}
          </h1>
          <div className={`mt-3 space-y-3 ${big ? "text-xl leading-relaxed" : "text-base"}`}>
            {current.narration.map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
          {current.comparison ? (
            <div className="mt-4 space-y-4">
              <ComparisonTable />
              <p>
                <Link href="/tour/quiz" className="font-semibold text-blue-800 underline">
                  Take the knowledge check →
                </Link>
              </p>
            </div>
          ) : null}
          {current.scenario ? (
            <p className={`mt-3 ${big ? "text-lg" : "text-sm"}`}>
              Go deeper: <Link href={`/scenarios/${current.scenario}`} className="text-blue-800 underline">{scenarioInfo(current.scenario).title} scenario</Link>
            </p>
          ) : null}
        </div>

        <div className="space-y-3">
          {current.doIt ? (
            <button
              type="button"
              onClick={() => void doIt()}
              disabled={running}
              className={`w-full rounded-lg bg-slate-900 px-4 py-3 text-left font-semibold text-white hover:bg-slate-700 disabled:opacity-60 ${big ? "text-xl" : ""}`}
            >
              <span aria-hidden="true">▶ </span>Do it: {current.doIt.label}
            </button>
          ) : null}
          {current.doIt ? (
            <p className={big ? "text-lg" : "text-sm"}>
              <a href="#lab" className="text-blue-800 underline">See the panes act ↓</a>
            </p>
          ) : null}
          {current.title === "Hybrid: the denylist" ? <DenylistSwitch running={running} /> : null}
          {shownRun ? (
            <div>
              <h2 className="font-semibold">{shownRun.status === "running" ? "Running…" : shownRun.status === "failed" ? "Stopped" : "What the server answered"}</h2>
              <ol role="log" aria-label="What the server answered" className={`mt-1 space-y-1 font-mono ${big ? "text-base" : "text-sm"}`}>
                {shownRun.notes.map((note) => (
                  <li key={note.id} className={TONE_CLASS[note.tone]}>
                    <span aria-hidden="true">{TONE_MARK[note.tone]}</span>
                    <span className="sr-only">{TONE_LABEL[note.tone]}: </span> {note.text}
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
          {current.watch ? (
            <p className={`rounded border border-slate-200 bg-slate-50 p-3 ${big ? "text-lg" : "text-sm"}`}>
              <strong>Watch: </strong>
              {current.watch}
            </p>
          ) : null}
        </div>
      </div>

      <div className="mt-5 flex items-center gap-3 border-t border-slate-200 pt-4">
        {step > 1 ? (
          <Link href={tourHref(step - 1, presenter)} prefetch={false} scroll={false} className="rounded border border-slate-300 px-4 py-2 hover:bg-slate-100">
            ← Previous step
          </Link>
        ) : null}
        <span className={`text-slate-600 ${big ? "text-base" : "text-sm"}`}>Tip: the ← and → keys move between steps.</span>
        {step < count ? (
          <Link href={tourHref(step + 1, presenter)} prefetch={false} scroll={false} className="ml-auto rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">
            Next step →
          </Link>
        ) : (
          <Link href="/tour/quiz" className="ml-auto rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">
            Knowledge check →
          </Link>
        )}
      </div>
    </section>
  );
}
