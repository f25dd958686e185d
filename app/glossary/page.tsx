import Link from "next/link";
import { GLOSSARY, GLOSSARY_GROUPS, type GlossaryEntry, type GlossaryId } from "@/lib/glossary";

export const metadata = { title: "Glossary — AuthLab" };

const ENTRIES = Object.entries(GLOSSARY) as [GlossaryId, GlossaryEntry][];

/** Every term the lab uses, one plain sentence each; the lab's terms link here (`/glossary#seal`). */
export default function GlossaryPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Glossary</h1>
        <p className="text-slate-700">
          Every term the lab uses, in one plain sentence. In the lab, a term with a dotted underline opens its sentence in place; this page has them all. Where AuthLab
          uses a library or a file for it, that is named after the plain words.
        </p>
        <nav aria-label="Glossary sections">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {GLOSSARY_GROUPS.map((group) => (
              <li key={group}>
                <a href={`#group-${group.replace(/\W+/g, "-").toLowerCase()}`} className="inline-flex min-h-8 items-center text-blue-800 underline">
                  {group}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {GLOSSARY_GROUPS.map((group) => (
        <section key={group} aria-labelledby={`group-${group.replace(/\W+/g, "-").toLowerCase()}`} className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id={`group-${group.replace(/\W+/g, "-").toLowerCase()}`} className="text-xl font-bold">
            {group}
          </h2>
          <dl className="mt-3 space-y-3">
            {ENTRIES.filter(([, entry]) => entry.group === group).map(([id, entry]) => (
              <div key={id} id={id} className="rounded px-2 py-1 target:bg-amber-50 target:ring-2 target:ring-amber-400">
                <dt className="font-semibold">{entry.term}</dt>
                <dd className="text-slate-800">
                  {entry.definition}
                  {entry.implementedBy ? <span className="text-slate-600"> In AuthLab: {entry.implementedBy}.</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="text-sm">
        <Link href="/" className="inline-flex min-h-8 items-center text-blue-800 underline">
          ← Back to the lab
        </Link>
      </p>
    </div>
  );
}
