import type { StageResult, VerifyReport } from "@/lib/workbench/verify";

const STAGE: Record<StageResult, { mark: string; text: string; style: string }> = {
  passed: { mark: "✓", text: "passed", style: "text-emerald-800" },
  failed: { mark: "✗", text: "failed", style: "text-red-800" },
  "not-reached": { mark: "–", text: "not checked", style: "text-slate-600" },
};

function headline(report: VerifyReport): string {
  if (report.ok) return "Valid: signature verified and claims accepted";
  if (report.signature === "failed") return "Invalid signature";
  if (report.signature === "passed") return "Signature verified — but the token is refused";
  return "Refused before the signature was checked";
}

/** jose's verdict, step by step, with its error code and the same in plain words. */
export function VerifyResult({ report }: { report: VerifyReport }) {
  return (
    <div className={`space-y-2 rounded border-l-4 p-3 text-sm ${report.ok ? "border-emerald-600 bg-emerald-50" : "border-red-600 bg-red-50"}`}>
      <p className="text-base font-bold" data-testid="verify-headline">
        {headline(report)}
      </p>
      <ol className="space-y-0.5">
        <li className={STAGE[report.signature].style}>
          {STAGE[report.signature].mark} Step 1, signature: {STAGE[report.signature].text}
        </li>
        <li className={STAGE[report.claims].style}>
          {STAGE[report.claims].mark} Step 2, claims (exp, nbf{report.checked.some((c) => c.startsWith("As AuthLab")) ? ", iss, aud, typ, age" : ""}): {STAGE[report.claims].text}
        </li>
      </ol>
      {report.code ? (
        <p>
          Error code: <code className="rounded bg-white px-1 font-semibold" data-testid="verify-code">{report.code}</code>
          {report.claim ? <> (claim {report.claim})</> : null}
        </p>
      ) : null}
      <p>{report.explanation}</p>
      {report.joseMessage ? <p className="text-slate-700">jose says: “{report.joseMessage}”</p> : null}
      {report.keyNotes.map((note) => (
        <p key={note} className="text-amber-900">
          {note}
        </p>
      ))}
      {report.checked.length > 0 ? (
        <details>
          <summary className="min-h-6 cursor-pointer font-medium">What was checked</summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {report.checked.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
