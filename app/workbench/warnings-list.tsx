import type { TokenWarning, WarningLevel } from "@/lib/workbench/warnings";

const LEVEL: Record<WarningLevel, { label: string; style: string }> = {
  danger: { label: "Danger", style: "border-red-600 bg-red-50 text-red-950" },
  caution: { label: "Caution", style: "border-amber-500 bg-amber-50 text-amber-950" },
  note: { label: "Note", style: "border-slate-400 bg-slate-50 text-slate-900" },
};

/** RFC 8725's warnings for this token, most serious first; the level is written out, not only coloured. */
export function WarningsList({ warnings }: { warnings: TokenWarning[] }) {
  return (
    <section aria-labelledby="wb-warnings-title" className="space-y-2">
      <h3 id="wb-warnings-title" className="font-semibold">
        What RFC 8725 (JWT best practices) would have you look at
      </h3>
      {warnings.length === 0 ? (
        <p className="text-sm">Nothing it warns about. That does not make the token valid: only verifying it with the right key says that.</p>
      ) : (
        <ul aria-label="Warnings" className="space-y-2">
          {warnings.map((warning) => (
            <li key={warning.id} data-warning={warning.id} className={`rounded border-l-4 p-2 text-sm ${LEVEL[warning.level].style}`}>
              <p className="font-semibold">
                <span className="mr-2 rounded bg-white/80 px-1.5 text-xs uppercase tracking-wide">{LEVEL[warning.level].label}</span>
                {warning.title}
              </p>
              <p className="mt-0.5">{warning.why}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
