"use client";

import type { Lane, StepRecord } from "./run-context";

const LANE_LABEL: Record<Lane, string> = { session: "Session", jwt: "JWT", lab: "Lab" };
const LANE_STYLE: Record<Lane, string> = {
  session: "border-session text-session",
  jwt: "border-jwt text-jwt",
  lab: "border-slate-400 text-slate-700",
};

function StatusCell({ step }: { step: StepRecord }) {
  if (step.running) return <span className="text-slate-500">waiting…</span>;
  if (step.status === undefined) return <span className="text-slate-500">—</span>;
  const ok = step.status >= 200 && step.status < 300;
  return (
    <span className={`font-mono font-semibold ${ok ? "text-emerald-800" : "text-red-800"}`}>
      {step.count ? `${step.count} × ` : ""}
      {step.status === 0 ? "no answer" : step.status}
    </span>
  );
}

/** The whole sequence of a scenario, one row per request (or observation), in the order it happened. */
export function StepTable({ steps }: { steps: StepRecord[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
        <caption className="px-3 py-2 text-left font-semibold">What happened, request by request</caption>
        <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1">#</th>
            <th scope="col" className="px-2 py-1">Strategy</th>
            <th scope="col" className="px-2 py-1">Step</th>
            <th scope="col" className="px-2 py-1">Request</th>
            <th scope="col" className="px-2 py-1">Status</th>
            <th scope="col" className="px-2 py-1">Error code</th>
            <th scope="col" className="px-2 py-1">Store queries</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={step.n} className="border-t border-slate-100 align-top" aria-busy={step.running}>
              <td className="px-2 py-1.5 font-mono text-xs text-slate-500">{step.n}</td>
              <td className="px-2 py-1.5">
                <span className={`inline-block rounded border-l-4 bg-slate-50 px-1.5 text-xs font-semibold ${LANE_STYLE[step.lane]}`}>{LANE_LABEL[step.lane]}</span>
              </td>
              <td className="max-w-md px-2 py-1.5">
                <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{step.actor}</span>
                <br />
                <span>{step.label}</span>
                {step.note ? <p className="mt-0.5 text-slate-700">{step.note}</p> : null}
                {step.detail ? <pre className="mt-1 whitespace-pre-wrap wrap-anywhere rounded bg-slate-900 px-2 py-1 font-mono text-xs text-slate-100">{step.detail}</pre> : null}
              </td>
              <td className="px-2 py-1.5">
                {step.request ? (
                  <>
                    <code className="text-xs">
                      {step.request.method} {step.request.path}
                    </code>
                    <br />
                    <span className="text-xs text-slate-600">sent: {step.request.sent}</span>
                    {step.trace ? (
                      <details className="mt-1 text-xs">
                        <summary className="cursor-pointer text-slate-700">Server trace ({step.trace.steps.length} steps, {step.trace.totalUs} µs)</summary>
                        <ol className="mt-1 space-y-0.5">
                          {step.trace.steps.map((t, i) => (
                            <li key={`${t.name}-${i}`}>
                              {t.outcome === "ok" ? "✓" : "✗"} {t.label} — {t.durationUs} µs{t.storeQueries ? `, ${t.storeQueries} store` : ""}
                              {t.detail ? ` (${t.detail})` : ""}
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
              <td className="px-2 py-1.5">
                <StatusCell step={step} />
              </td>
              <td className="px-2 py-1.5 font-mono text-xs">{step.code ?? ""}</td>
              <td className="px-2 py-1.5 font-mono text-xs">{step.storeQueries ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
