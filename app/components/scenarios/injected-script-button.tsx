"use client";

import { useId, useState } from "react";
import { describeFindings, preview, stolenTokens, type ScriptFindings } from "@/lib/scenarios/xss-findings";
import { injectedScriptReads } from "./injected-script";

/**
 * "What would an XSS payload see right now?" Runs the payload's reads in this page — document.cookie
 * and localStorage — and says which credentials it could walk away with.
 */
export function InjectedScriptButton() {
  const id = useId();
  const [findings, setFindings] = useState<ScriptFindings | null>(null);
  const stolen = findings ? stolenTokens(findings) : [];
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Injected script
      </h2>
      <p className="text-sm text-slate-700">Runs what an XSS payload runs first — reading document.cookie and localStorage — in this very page, with whatever credentials it holds now.</p>
      <button type="button" onClick={() => setFindings(injectedScriptReads())} className="rounded bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-700">
        Run the injected script
      </button>
      <div role="status" aria-label="What the injected script read">
        {findings ? (
          <>
            <pre className="whitespace-pre-wrap break-all rounded bg-slate-900 px-2 py-1 font-mono text-xs text-slate-100">{describeFindings(findings)}</pre>
            <p className="mt-1 text-sm font-semibold">
              {stolen.length > 0 ? `⚠ Token found: ${stolen.map((s) => `${s.where} = ${preview(s.token)}`).join("; ")}` : "✓ No token readable: HttpOnly cookies are invisible to scripts."}
            </p>
          </>
        ) : null}
      </div>
    </section>
  );
}
