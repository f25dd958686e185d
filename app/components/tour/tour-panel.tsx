"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { scenarioInfo } from "@/lib/scenarios/catalog";
import { RichText } from "../glossary/rich-text";
import { ResetDemoButton } from "../instructor/reset-demo-button";
import { ComparisonTable } from "./comparison-table";
import { DenylistSwitch } from "./denylist-switch";
import { TOUR_STEPS, type TourStep } from "./tour-steps";
import { tourHref } from "./tour-url";

/**
 * The guided tour's narration and controls: which step, what to say, the "do it" button. What the
 * step makes happen is drawn beside the panes (TourResults), not here.
 */
export function TourPanel({
  step,
  current,
  presenter,
  running,
  cleanedUp,
  onDoIt,
  onReset,
}: {
  step: number;
  current: TourStep;
  presenter: boolean;
  running: boolean;
  cleanedUp: string[] | null;
  onDoIt: () => void;
  onReset: () => void;
}) {
  const router = useRouter();
  const count = TOUR_STEPS.length;
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    // Focus follows the step so that keyboard and screen-reader users land on the new narration.
    if (firstRender.current) firstRender.current = false;
    else heading.current?.focus();
  }, [step]);

  const big = presenter;
  return (
    <section aria-labelledby="tour-step-title" className={`rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-5 ${big ? "text-lg" : ""}`}>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          Guided tour · step {step} of {count}
        </p>
        <div className="flex flex-wrap items-center gap-3 text-base sm:ml-auto">
          <button
            type="button"
            aria-pressed={presenter}
            onClick={() => router.push(tourHref(step, !presenter), { scroll: false })}
            className={`min-h-9 rounded-full border px-3 py-1 ${presenter ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            Presenter mode{presenter ? <span aria-hidden="true"> ✓</span> : null}
          </button>
          <ResetDemoButton onReset={onReset} />
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
                className={`flex min-h-8 min-w-8 items-center justify-center rounded border px-2 py-1 ${i + 1 === step ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 hover:bg-slate-100"}`}
              >
                {i + 1}.<span className="sr-only sm:not-sr-only sm:whitespace-pre">{` ${s.title}`}</span>
              </Link>
            </li>
          ))}
        </ol>
      </nav>

      {cleanedUp && cleanedUp.length > 0 ? (
        <p role="status" className="mt-3 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950" data-testid="tour-cleaned-up">
          The tour put back what the last step changed: {cleanedUp.join("; ")}.
        </p>
      ) : null}

      <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:gap-6">
        <div>
          <h1 id="tour-step-title" ref={heading} tabIndex={-1} className={`font-bold ${big ? "text-4xl" : "text-2xl"}`}>
            {current.title}
          </h1>
          <div className={`mt-3 space-y-3 ${big ? "text-xl leading-relaxed" : "text-base"}`}>
            {current.narration.map((paragraph) => (
              <p key={paragraph}>
                <RichText text={paragraph} />
              </p>
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
        </div>

        <div className="space-y-3">
          {current.doIt ? (
            <button
              type="button"
              onClick={onDoIt}
              disabled={running}
              className={`w-full rounded-lg bg-slate-900 px-4 py-3 text-left font-semibold text-white hover:bg-slate-700 disabled:opacity-60 ${big ? "text-xl" : ""}`}
            >
              <span aria-hidden="true">▶ </span>Do it: {current.doIt.label}
            </button>
          ) : null}
          {current.doIt ? (
            <p className={big ? "text-lg" : "text-sm"}>
              <a href="#lab" className="inline-flex min-h-8 items-center text-blue-800 underline">
                See the panes act ↓
              </a>
            </p>
          ) : null}
          {current.title === "Hybrid: the denylist" ? <DenylistSwitch running={running} /> : null}
          {current.scenario ? (
            <p className={big ? "text-lg" : "text-sm"}>
              Go deeper:{" "}
              <Link href={`/scenarios/${current.scenario}`} className="text-blue-800 underline">
                {scenarioInfo(current.scenario).title} scenario
              </Link>
            </p>
          ) : null}
        </div>
      </div>

      <div className="mt-5 flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
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
