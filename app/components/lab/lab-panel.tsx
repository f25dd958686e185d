"use client";

/**
 * One of the lab's deeper instruments (stores, a second service, instances, measure): its heading
 * and one line on what it shows are always there; the instrument opens when the learner asks.
 */
export function LabPanel({ id, title, gist, children }: { id: string; title: string; gist: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 bg-white">
      <details className="group">
        <summary className="flex min-h-11 cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3">
          <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          <h2 id={`${id}-heading`} className="text-xl font-bold">
            {title}
          </h2>
          <span className="text-sm text-slate-600">{gist}</span>
        </summary>
        <div className="space-y-2 border-t border-slate-200 p-4">{children}</div>
      </details>
    </section>
  );
}
