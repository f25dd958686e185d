import Link from "next/link";

export const metadata = { title: "Not found — AuthLab" };

/** Any path that is not a page of the lab. */
export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl space-y-4 py-8">
      <h1 className="text-2xl font-bold">No such page</h1>
      <p className="text-slate-700">There is nothing at this address. The lab, the scenarios and the guided tour are one click away.</p>
      <nav aria-label="Where to go" className="flex flex-wrap gap-3">
        <Link href="/" className="inline-flex min-h-8 items-center rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">
          The lab
        </Link>
        <Link href="/scenarios" className="inline-flex min-h-8 items-center rounded border border-slate-300 px-4 py-2 hover:bg-slate-50">
          Scenarios
        </Link>
        <Link href="/tour" className="inline-flex min-h-8 items-center rounded border border-slate-300 px-4 py-2 hover:bg-slate-50">
          Guided tour
        </Link>
      </nav>
    </div>
  );
}
