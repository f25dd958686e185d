import type { TraceJSON } from "@/lib/trace/trace";
import { Term } from "./glossary/term";
import { StepDetail, StepLabel } from "./lab/step-label";

const KIND_LABEL: Record<string, string> = {
  credential: "credential",
  crypto: "crypto",
  store: "store",
  check: "check",
  issue: "issue",
  verdict: "verdict",
};

/** The server's own record (its trace) of what it did for one request, step by step. */
export function TraceView({ trace, title }: { trace: TraceJSON; title: string }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-1 font-semibold">{title}</h2>
      <p className="mb-3 text-sm text-slate-600">
        The server&apos;s <Term id="trace">trace</Term> · mode <strong>{trace.mode}</strong> · served by instance <code>{trace.instanceId}</code>{" "}
        (<span title="When this instance's process started: a restart shows as a new time">started <time dateTime={trace.instanceStartedAt}>{trace.instanceStartedAt.slice(11, 19)} UTC</time></span>) · {trace.steps.length} steps ·{" "}
        <Term id="store-query">
          <strong data-testid="trace-store-queries">{trace.storeQueries}</strong> store {trace.storeQueries === 1 ? "query" : "queries"}
        </Term> · {trace.totalUs} µs in total
      </p>
      <ol className="space-y-1 text-sm">
        {trace.steps.map((step, i) => (
          <li key={`${step.name}-${i}`} className="flex flex-wrap items-baseline gap-2 rounded border border-slate-100 px-2 py-1" data-step={step.name}>
            <span className={`w-16 shrink-0 rounded px-1 text-center text-xs ${step.outcome === "ok" ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900"}`}>
              {step.outcome === "ok" ? "✓ ok" : "✗ failed"}
            </span>
            <span className="w-20 shrink-0 text-xs uppercase tracking-wide text-slate-500">{KIND_LABEL[step.kind] ?? step.kind}</span>
            <span className="min-w-0 flex-1">
              <StepLabel step={step} standalone={!step.detail} />
              <StepDetail step={step} />
            </span>
            <span className="font-mono text-xs">{step.durationUs} µs</span>
            {step.storeQueries ? <span className="font-mono text-xs text-amber-800">{step.storeQueries} store</span> : null}
          </li>
        ))}
      </ol>
      <p className="mt-3 text-sm">
        Verdict: <strong>{trace.verdict.ok ? "authenticated" : `refused (${trace.verdict.code ?? "unknown"})`}</strong>
      </p>
    </section>
  );
}
