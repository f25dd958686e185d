"use client";

import { useState } from "react";

/** Hints revealed one at a time: the learner asks for the next one only when stuck. */
export function Hints({ hints, titleId }: { hints: readonly string[]; titleId: string }) {
  const [shown, setShown] = useState(0);
  return (
    <div className="space-y-2">
      {shown > 0 ? (
        <ol aria-label="Hints" className="list-decimal space-y-1 pl-5 text-sm text-slate-800">
          {hints.slice(0, shown).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      ) : null}
      {shown < hints.length ? (
        <button
          type="button"
          aria-describedby={titleId}
          onClick={() => setShown((n) => n + 1)}
          className="min-h-9 rounded border border-indigo-700 px-3 py-1 text-sm font-medium text-indigo-800 hover:bg-indigo-50"
        >
          {shown === 0 ? "Show a hint" : "Show the next hint"} ({shown + 1} of {hints.length})
        </button>
      ) : null}
    </div>
  );
}
