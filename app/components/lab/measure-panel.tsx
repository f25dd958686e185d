"use client";

import { useState } from "react";
import type { Measurement } from "@/lib/lab/measure";
import { Term } from "../glossary/term";
import { ScrollTable } from "../scroll-table";
import { LabPanel } from "./lab-panel";
import { lab } from "./lab-client";

/**
 * "A session costs a lookup, a JWT costs a signature check" — measured, not asserted: a few hundred
 * real requests per strategy from the server to itself, drawn as throughput relative to the
 * unauthenticated route, with the median µs of each server step.
 */
export function MeasurePanel() {
  const [result, setResult] = useState<Measurement | null>(null);
  const [state, setState] = useState<"idle" | "running" | string>("idle");

  async function measure() {
    setState("running");
    const answer = await lab.measure();
    if (answer.ok && answer.body) {
      setResult(answer.body);
      setState("idle");
    } else setState(`Measurement refused: ${answer.status} ${answer.code ?? ""}`);
  }

  const best = result ? Math.max(...result.cases.map((c) => c.reqPerSec), 1) : 1;
  return (
    <LabPanel id="measure" title="Measure: lookup overhead vs verify cost" gist="A few hundred real requests per strategy, timed on this machine.">
      <p className="text-sm text-slate-700">
        Runs a few hundred real requests per strategy from the server to itself (a few seconds) and compares each with the unauthenticated route. For the full benchmark
        see <code>npm run bench</code>.
      </p>
      <button type="button" onClick={() => void measure()} disabled={state === "running"} className="min-h-9 rounded bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
        {state === "running" ? "Measuring…" : "Measure"}
      </button>
      {state !== "idle" && state !== "running" ? <p role="alert">{state}</p> : null}
      {result ? (
        <figure aria-label="Measured throughput per strategy" data-testid="measure-result">
          <ScrollTable label="Measured throughput">
          <table className="w-full min-w-[44rem] text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col">case</th>
                <th scope="col" className="w-2/5">
                  req/s
                </th>
                <th scope="col">× unauthenticated</th>
                <th scope="col">
                  <Term id="percentile" standalone>
                  p50 / p99
                </Term>
                </th>
                <th scope="col">server steps (median µs)</th>
              </tr>
            </thead>
            <tbody>
              {result.cases.map((c) => (
                <tr key={c.name} data-case={c.name} className="align-top">
                  <th scope="row" className="pr-2 text-left font-mono">
                    {c.name}
                  </th>
                  <td>
                    <div className="flex items-center gap-2">
                      <div className="flex-1" aria-hidden="true">
                        <div className="h-3 rounded bg-slate-700" style={{ width: `${Math.max(2, (c.reqPerSec / best) * 100)}%` }} />
                      </div>
                      <span className="w-12 shrink-0 text-right font-mono text-xs">{c.reqPerSec}</span>
                    </div>
                  </td>
                  <td className="font-mono" data-testid={`ratio-${c.name}`}>
                    {c.ratio.toFixed(2)}
                  </td>
                  <td className="font-mono text-xs">
                    {c.p50Ms} / {c.p99Ms} ms
                  </td>
                  <td className="font-mono text-xs">
                    {Object.entries(c.steps)
                      .map(([step, us]) => `${step} ${us}`)
                      .join(" · ") || "—"}
                    {c.errors ? <span className="block text-red-800">{c.errors} non-200 answers</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollTable>
          <figcaption className="text-xs text-slate-600">
            Instance {result.instanceId} · {result.concurrency} concurrent · at most {result.maxRequestsPerCase} requests per case · {result.totalMs} ms in all.{" "}
            {result.notes.join(" ")}
          </figcaption>
        </figure>
      ) : null}
    </LabPanel>
  );
}
