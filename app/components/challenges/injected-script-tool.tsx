"use client";

import { useState } from "react";
import { describeFindings, stolenTokens, type ScriptFindings } from "@/lib/scenarios/xss-findings";
import { injectedScriptReads } from "../scenarios/injected-script";

/**
 * The payload an XSS would run first, run for real in this page: it reads document.cookie and
 * localStorage — the same origin as the lab, so the same storage — and hands over any token it found.
 */
export function InjectedScriptTool({ onStolen }: { onStolen: (token: string) => void }) {
  const [findings, setFindings] = useState<ScriptFindings | null>(null);
  const stolen = findings ? stolenTokens(findings) : [];
  function run() {
    const read = injectedScriptReads();
    setFindings(read);
    const first = stolenTokens(read)[0];
    if (first) onStolen(first.token);
  }
  return (
    <div className="space-y-1 rounded border border-red-200 bg-red-50 p-2">
      <button type="button" onClick={run} className="min-h-9 rounded bg-red-800 px-3 py-1 text-sm font-semibold text-white hover:bg-red-700">
        Run the injected script
      </button>
      <div role="status" aria-label="What the injected script read">
        {findings ? (
          <>
            <pre className="whitespace-pre-wrap break-all rounded bg-slate-900 px-2 py-1 font-mono text-xs text-slate-100">{describeFindings(findings)}</pre>
            <p className="mt-1 text-sm font-semibold">
              {stolen.length > 0 ? `Token found in ${stolen[0]?.where}: put into the token field below.` : "No token readable: an HttpOnly cookie is invisible to scripts."}
            </p>
          </>
        ) : null}
      </div>
    </div>
  );
}
