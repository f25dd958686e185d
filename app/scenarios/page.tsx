import Link from "next/link";
import { SCENARIOS } from "@/lib/scenarios/catalog";

export const metadata = { title: "Scenarios — AuthLab" };

/** Every scenario, with what it shows and what it leaves behind. */
export default function ScenariosIndexPage() {
  return (
    <div className="space-y-5">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Scenarios: when something goes wrong</h1>
        <p className="max-w-4xl text-slate-800">
          Each scenario runs real requests on both strategies at once — session and JWT — shows every request with its status, error code and store
          queries, and ends with a verdict for each side. Scenarios log in as the demo user Alice and act as an admin with a token kept in page memory.
        </p>
        <p className="max-w-4xl text-sm text-slate-700">
          They never reset your lab: each changes only what it needs (a setting, the demo clock, Alice&apos;s role) and puts it back at the end, in
          rows marked “Clean-up”. Use the instructor&apos;s reset for a clean slate.
        </p>
      </header>
      <ol className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {SCENARIOS.map((s) => (
          <li key={s.slug} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="text-lg font-semibold">
              <span className="mr-1 font-mono text-slate-500">{s.number}.</span>
              <Link href={`/scenarios/${s.slug}`} className="hover:underline">
                {s.title}
              </Link>
            </h2>
            <p className="mt-1 flex-1 text-sm text-slate-700">{s.teaser}</p>
            <p className="mt-2 text-xs text-slate-600">Afterwards: {s.leaves}</p>
            <Link href={`/scenarios/${s.slug}?run=1`} aria-label={`Run: ${s.title}`} className="mt-3 self-start rounded bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700">
              Run
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
