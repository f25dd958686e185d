"use client";

import { LinkedTerms } from "../glossary/rich-text";
import { StepDetail, StepLabel } from "../lab/step-label";
import { ScrollTable } from "../scroll-table";
import type { Lane, StepRecord } from "./run-context";

const LANE_LABEL: Record<Lane, string> = { session: "Session", jwt: "JWT", lab: "Lab" };
const LANE_STYLE: Record<Lane, string> = {
  session: "border-session text-session",
  jwt: "border-jwt text-jwt",
  lab: "border-slate-400 text-slate-700",
};

/** Rows where the attacker acts: their success is the defender's failure, and is coloured so. */
function isAttacker(step: StepRecord): boolean {
  return /^(Attacker|Injected script)/.test(step.actor);
}

function answered(step: StepRecord): boolean {
  return step.status !== undefined && step.status >= 200 && step.status < 300;
}

function StatusCell({ step }: { step: StepRecord }) {
  if (step.running) return <span className="text-slate-500">waiting…</span>;
  if (step.status === undefined) return <span className="text-slate-500">—</span>;
  // From the defender's side: an attacker's 200 is bad news, their 401 good news.
  const good = isAttacker(step) ? !answered(step) : answered(step);
  return (
    <span className={`font-mono font-semibold ${good ? "text-emerald-800" : "text-red-800"}`}>
      {step.count ? `${step.count} × ` : ""}
      {step.status === 0 ? "no answer" : step.status}
    </span>
  );
}

function AttackerOutcome({ step }: { step: StepRecord }) {
  if (!isAttacker(step) || step.running || step.status === undefined || step.status === 0) return null;
  return answered(step) ? (
    <span className="mt-0.5 inline-block rounded bg-red-100 px-1.5 text-xs font-semibold text-red-900">✗ attacker got in</span>
  ) : (
    <span className="mt-0.5 inline-block rounded bg-emerald-100 px-1.5 text-xs font-semibold text-emerald-900">✓ attacker blocked</span>
  );
}

/**
 * The whole sequence of a scenario, one row per request (or observation), in the order it happened.
 * On a phone the table scrolls inside itself; the step column stays in view, with the status next to it.
 */
export function StepTable({ steps }: { steps: StepRecord[] }) {
  return (
    <ScrollTable label="What happened, request by request" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[60rem] border-collapse text-left text-sm">
        <caption className="px-3 py-2 text-left font-semibold">What happened, request by request</caption>
        <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-600 [--sticky-bg:var(--color-slate-100)]">
          <tr>
            <th scope="col" className="w-44 px-2 py-1 sm:w-64">Step</th>
            <th scope="col" className="px-2 py-1">Strategy</th>
            <th scope="col" className="px-2 py-1">Status</th>
            <th scope="col" className="px-2 py-1">Error code</th>
            <th scope="col" className="px-2 py-1">Store queries</th>
            <th scope="col" className="px-2 py-1">What it shows</th>
            <th scope="col" className="px-2 py-1">Request</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={step.n} className="border-t border-slate-100 align-top" aria-busy={step.running}>
              <th scope="row" className="w-44 px-2 py-1.5 font-normal sm:w-64">
                <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                  <span className="font-mono">{step.n}.</span> {step.actor}
                </span>
                <br />
                <span>{step.label}</span>
                <br />
                <AttackerOutcome step={step} />
              </th>
              <td className="px-2 py-1.5">
                <span className={`inline-block rounded border-l-4 bg-slate-50 px-1.5 text-xs font-semibold ${LANE_STYLE[step.lane]}`}>{LANE_LABEL[step.lane]}</span>
              </td>
              <td className="px-2 py-1.5">
                <StatusCell step={step} />
              </td>
              <td className="px-2 py-1.5 font-mono text-xs">{step.code ?? ""}</td>
              <td className="px-2 py-1.5 font-mono text-xs">{step.storeQueries ?? ""}</td>
              <td className="min-w-64 max-w-md px-2 py-1.5">
                {step.note ? (
                  <p className="text-slate-700">
                    <LinkedTerms text={step.note} />
                  </p>
                ) : null}
                {step.detail ? <pre className="mt-1 whitespace-pre-wrap wrap-anywhere rounded bg-slate-900 px-2 py-1 font-mono text-xs text-slate-100">{step.detail}</pre> : null}
              </td>
              <td className="min-w-56 px-2 py-1.5">
                {step.request ? (
                  <>
                    <code className="text-xs break-all">
                      {step.request.method} {step.request.path}
                    </code>
                    <br />
                    <span className="text-xs text-slate-600">sent: {step.request.sent}</span>
                    {step.trace ? (
                      <details className="mt-1 text-xs">
                        <summary className="min-h-6 cursor-pointer py-0.5 text-slate-700">
                          Server trace ({step.trace.steps.length} steps, {step.trace.totalUs} µs)
                        </summary>
                        <ol className="mt-1 space-y-0.5">
                          {step.trace.steps.map((t, i) => (
                            <li key={`${t.name}-${i}`} data-step={t.name}>
                              {t.outcome === "ok" ? "✓" : "✗"} <StepLabel step={t} /> — {t.durationUs} µs{t.storeQueries ? `, ${t.storeQueries} store` : ""}
                              <StepDetail step={t} />
                            </li>
                          ))}
                        </ol>
                      </details>
                    ) : null}
                  </>
                ) : (
                  <span className="text-xs text-slate-500">{step.where ?? "no request: seen in the browser"}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
