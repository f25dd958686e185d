"use client";

import Link from "next/link";

/**
 * What a page shows when rendering it failed on the server or in the browser: never the framework's
 * bare 500 page. The server logged the error; `digest` ties this screen to that log line.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl space-y-4 py-8" role="alert">
      <h1 className="text-2xl font-bold">This page could not be shown</h1>
      <p className="text-slate-700">
        Something went wrong on our side while building it. Your cookies were left alone, so you are still signed in wherever you were: trying again is safe.
      </p>
      {error.digest ? (
        <p className="text-sm text-slate-600">
          Reference for the server log: <code>{error.digest}</code>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="inline-flex min-h-8 items-center rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">
          Try again
        </button>
        <Link href="/" className="inline-flex min-h-8 items-center rounded border border-slate-300 px-4 py-2 hover:bg-slate-50">
          Back to the lab
        </Link>
      </div>
    </div>
  );
}
