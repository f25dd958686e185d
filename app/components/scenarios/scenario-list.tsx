"use client";

import Link from "next/link";
import { SCENARIOS, type ScenarioSlug } from "@/lib/scenarios/catalog";

/**
 * The nine scenarios as a compact list, for the lab's home page. With `onRun`, the Run buttons hand
 * the slug to the page (to run it in place, beside the panes and the request flow); without it they
 * open the scenario's own page and start it.
 */
export function ScenarioList({ onRun, heading = "Scenarios", headingLevel = 2 }: { onRun?: (slug: ScenarioSlug) => void; heading?: string | null; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <nav aria-label="Scenarios" className="rounded-lg border border-slate-200 bg-white p-3">
      {heading ? <Heading className="mb-2 text-lg font-semibold">{heading}</Heading> : null}
      <ol className="space-y-1.5">
        {SCENARIOS.map((s) => (
          <li key={s.slug} className="flex items-start gap-2 py-0.5 text-sm">
            <span className="w-5 shrink-0 text-right font-mono text-slate-500">{s.number}.</span>
            <span className="flex-1">
              <Link href={`/scenarios/${s.slug}`} className="font-semibold hover:underline">
                {s.title}
              </Link>
              <span className="text-slate-600"> — {s.teaser}</span>
            </span>
            {onRun ? (
              <button type="button" onClick={() => onRun(s.slug)} aria-label={`Run: ${s.title}`} className="inline-flex min-h-7 min-w-12 shrink-0 items-center justify-center rounded bg-slate-900 px-3 py-1 text-xs font-semibold text-white hover:bg-slate-700">
                Run
              </button>
            ) : (
              <Link href={`/scenarios/${s.slug}?run=1`} aria-label={`Run: ${s.title}`} className="inline-flex min-h-7 min-w-12 shrink-0 items-center justify-center rounded bg-slate-900 px-3 py-1 text-xs font-semibold text-white hover:bg-slate-700">
                Run
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
