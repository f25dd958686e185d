"use client";

import type { AuthClock } from "@/lib/workbench/auth-clock";
import { explainClaim, explainHeaderField } from "@/lib/workbench/claims";
import type { JsonObject } from "@/lib/workbench/json";
import { safeStringify } from "@/lib/workbench/json";
import { TIME_CLAIMS } from "@/lib/workbench/times";
import { TimeValue } from "./time-value";

const TIME_NAMES: readonly string[] = TIME_CLAIMS;

/**
 * Each member of a header or payload: its name, its value as JSON, and what it means. A definition
 * list rather than a table, so that a phone shows it as stacked rows instead of scrolling sideways.
 */
export function FieldList({ fields, part, clock, label }: { fields: JsonObject; part: "header" | "payload"; clock: AuthClock | null; label: string }) {
  const entries = Object.entries(fields);
  if (entries.length === 0) return <p className="text-sm">Empty: {"{}"}.</p>;
  return (
    <dl aria-label={label} className="divide-y divide-black/10 text-sm">
      {entries.map(([name, value]) => {
        const explained = part === "header" ? explainHeaderField(name) : explainClaim(name);
        return (
          <div key={name} className="py-1.5" data-field={name}>
            <dt className="font-mono font-semibold break-all">
              {name}
              {explained ? <span className="font-sans font-normal text-slate-600"> — {explained.title}</span> : null}
            </dt>
            <dd className="font-mono break-all">{safeStringify(value)}</dd>
            {part === "payload" && TIME_NAMES.includes(name) ? (
              <dd>
                <TimeValue value={value} clock={clock} label={`${name} as a time`} />
              </dd>
            ) : null}
            <dd className="text-slate-700">
              {explained ? (
                <>
                  {explained.meaning} <span className="text-xs text-slate-500">({explained.source})</span>
                </>
              ) : (
                "Not a registered name: its meaning is whatever issuer and verifier agreed on."
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
