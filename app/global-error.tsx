"use client";

import "./globals.css";

/** When even the root layout fails: a whole document of its own, still not the framework's bare page. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main className="mx-auto max-w-2xl space-y-4 px-4 py-8" role="alert">
          <h1 className="text-2xl font-bold">AuthLab could not show this page</h1>
          <p className="text-slate-700">Something went wrong on our side. Your cookies were left alone; trying again is safe.</p>
          {error.digest ? (
            <p className="text-sm text-slate-600">
              Reference for the server log: <code>{error.digest}</code>
            </p>
          ) : null}
          <button type="button" onClick={reset} className="inline-flex min-h-8 items-center rounded bg-slate-900 px-4 py-2 font-medium text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
