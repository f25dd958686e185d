"use client";

import { useId, useState } from "react";
import type { Challenge } from "@/lib/challenges/catalogue";
import { apiFetch } from "../api-client";
import { InjectedScriptTool } from "./injected-script-tool";

export interface SolvedAnswer {
  solved: true;
  solvedAt: string;
  saw: string;
  lesson: string;
}

type Verdict = { tone: "solved" | "not-solved" | "problem"; text: string } | null;

/**
 * What the learner hands the server — a token to look at, an answer — and the server's verdict.
 * The page claims nothing: "solved" is whatever POST /api/challenges/:id/check answers.
 */
export function CheckForm({ challenge, onSolved }: { challenge: Challenge; onSolved: (answer: SolvedAnswer) => void }) {
  const id = useId();
  const [token, setToken] = useState("");
  const [answer, setAnswer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<Verdict>(null);

  async function check() {
    setBusy(true);
    setVerdict(null);
    const body: { token?: string; answer?: string } = {};
    if (token.trim()) body.token = token.trim();
    if (answer) body.answer = answer;
    const result = await apiFetch<SolvedAnswer>(`/api/challenges/${challenge.id}/check`, { method: "POST", body });
    setBusy(false);
    if (result.ok && result.data.solved) {
      setVerdict({ tone: "solved", text: `Solved: ${result.data.saw}.` });
      onSolved(result.data);
    } else if (!result.ok && result.error.code === "CHALLENGE_NOT_SOLVED") {
      setVerdict({ tone: "not-solved", text: `Not solved yet. ${result.error.message}` });
    } else {
      setVerdict({ tone: "problem", text: `The check did not run: ${result.ok ? "unexpected answer" : `${result.error.message} (${result.error.code})`}` });
    }
  }

  const tone = verdict?.tone === "solved" ? "border-emerald-600 bg-emerald-50 text-emerald-900" : verdict?.tone === "not-solved" ? "border-amber-600 bg-amber-50 text-amber-950" : "border-red-600 bg-red-50 text-red-900";
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        void check();
      }}
    >
      {challenge.tool === "injected-script" ? <InjectedScriptTool onStolen={setToken} /> : null}
      {challenge.token ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-token`} className="block text-sm font-medium">
            {challenge.token.label}
          </label>
          <textarea
            id={`${id}-token`}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            rows={3}
            spellCheck={false}
            className="w-full rounded border border-slate-400 px-2 py-1 font-mono text-xs break-all"
          />
        </div>
      ) : null}
      {challenge.question ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{challenge.question.prompt}</legend>
          {challenge.question.options.map((option) => (
            <label key={option.id} className="flex min-h-6 items-start gap-2 text-sm">
              <input type="radio" name={`${id}-answer`} value={option.id} checked={answer === option.id} onChange={() => setAnswer(option.id)} className="mt-1 size-4 shrink-0" />
              <span>{option.label}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" disabled={busy} className="min-h-9 rounded bg-indigo-700 px-4 py-1 text-sm font-semibold text-white hover:bg-indigo-600 disabled:opacity-60">
        {busy ? "Checking…" : "Check"}
      </button>
      <div role="status" aria-label={`${challenge.title}: the server's verdict`}>
        {verdict ? <p className={`rounded border-l-4 p-2 text-sm ${tone}`}>{verdict.text}</p> : null}
      </div>
    </form>
  );
}
