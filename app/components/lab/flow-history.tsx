"use client";

import { useState } from "react";
import type { LabExchange } from "./lab-client";
import { RequestFlow } from "./request-flow";

const PANE_LABEL: Record<LabExchange["pane"], string> = { session: "Session", jwt: "JWT", lab: "Lab" };
/** Said of the "Lab" rows: requests a scenario, the tour or an instructor tool made for the learner. */
const LAB_ROW_TITLE = "Made by the lab on your behalf (a scenario, the tour or a panel), not by a pane's button";
const PANE_STYLE: Record<LabExchange["pane"], string> = {
  session: "border-session text-session",
  jwt: "border-jwt text-jwt",
  lab: "border-slate-400 text-slate-700",
};

/** The latest request of each pane, drawn side by side so the two strategies compare at a glance. */
export function LatestComparison({ exchanges }: { exchanges: LabExchange[] }) {
  return (
    <section aria-labelledby="compare-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="compare-heading" className="text-xl font-bold">
        Latest request of each pane
      </h2>
      <div className="grid gap-4 xl:grid-cols-2 [&>*]:min-w-0">
        {(["session", "jwt"] as const).map((pane) => {
          const latest = exchanges.find((e) => e.pane === pane);
          return (
            <div key={pane} aria-label={`Latest ${PANE_LABEL[pane]} request`} role="region" className={`rounded border-l-4 p-2 ${PANE_STYLE[pane]}`}>
              <h3 className="font-semibold">{PANE_LABEL[pane]}</h3>
              <div className="text-slate-900">
                {latest ? <RequestFlow exchange={latest} /> : <p className="text-sm text-slate-600">No request yet: press a button in the {PANE_LABEL[pane]} pane, and its trip through the server is drawn here.</p>}
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** Every request made from this page, newest first; each opens to its full flow. */
export function FlowHistory({ exchanges, onClear }: { exchanges: LabExchange[]; onClear: () => void }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="history-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="history-heading" className="text-xl font-bold">
          Request history ({exchanges.length})
        </h2>
        <button type="button" onClick={onClear} className="min-h-8 rounded border border-slate-300 px-2 py-1 text-sm disabled:opacity-50" disabled={!exchanges.length}>
          Clear history
        </button>
      </div>
      {exchanges.length ? (
        <ol className="max-h-96 space-y-1 overflow-auto" aria-label="Requests, newest first">
          {exchanges.map((e) => (
            <li key={e.id} className="rounded border border-slate-100">
              <button
                type="button"
                aria-expanded={open === e.id}
                onClick={() => setOpen(open === e.id ? null : e.id)}
                className="flex w-full flex-wrap items-baseline gap-2 px-2 py-1 text-left text-sm hover:bg-slate-50"
              >
                <span className={`w-16 shrink-0 rounded border px-1 text-center text-xs ${PANE_STYLE[e.pane]}`} title={e.pane === "lab" ? LAB_ROW_TITLE : undefined}>
                  {PANE_LABEL[e.pane]}
                </span>
                <span className="min-w-0 flex-1 wrap-anywhere">{e.label}</span>
                <span className="font-mono text-xs">
                  {e.relayed ? `${e.relayed.status}${e.relayed.code ? ` ${e.relayed.code}` : ""} via ` : ""}
                  {e.status || "—"}
                  {e.code ? ` ${e.code}` : ""}
                </span>
                <span className="w-28 text-right font-mono text-xs">{e.trace ? `${e.trace.storeQueries} store · ${e.trace.totalUs} µs` : "not authenticated"}</span>
              </button>
              {open === e.id ? (
                <div className="border-t border-slate-100 p-2">
                  <RequestFlow exchange={e} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">
          Nothing yet: only what you cause appears here — every request a pane&apos;s button, a scenario or the tour makes, with the server&apos;s trace. (The panels&apos;
          own background reads are not listed.)
        </p>
      )}
    </section>
  );
}
