"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { drivePane } from "../tour/pane-driver";
import { LAB_EVENT, LAB_IDENTITY_EVENT, type LabExchange, type PaneIdentityAnnouncement, type PaneMode } from "./lab-client";

interface Progress {
  loggedIn: Record<PaneMode, boolean>;
  /** Store queries of each pane's last successful protected call. */
  called: Partial<Record<PaneMode, number>>;
}

const START: Progress = { loggedIn: { session: false, jwt: false }, called: {} };

function follow(previous: Progress, e: LabExchange): Progress {
  if (e.pane === "lab" || e.label !== "Call the protected API" || !e.ok) return previous;
  return { ...previous, called: { ...previous.called, [e.pane]: e.trace?.storeQueries ?? 0 } };
}

function Mark({ done }: { done: boolean }) {
  return done ? (
    <span className="inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-emerald-700 text-sm font-bold text-white">
      <span aria-hidden="true">✓</span>
      <span className="sr-only">Done:</span>
    </span>
  ) : null;
}

/**
 * The home page's first screen: one obvious first action (log both panes in), then the next one,
 * then where to go from there. It presses the panes' own buttons, so the learner sees them act.
 */
export function StartHere() {
  const [progress, setProgress] = useState<Progress>(START);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const onExchange = (event: Event) => setProgress((previous) => follow(previous, (event as CustomEvent<LabExchange>).detail));
    // Signed in or not is what the panes themselves report, so a reload with live cookies counts too.
    const onIdentity = (event: Event) => {
      const { pane, identity } = (event as CustomEvent<PaneIdentityAnnouncement>).detail;
      setProgress((previous) => ({ ...previous, loggedIn: { ...previous.loggedIn, [pane]: identity !== null } }));
    };
    window.addEventListener(LAB_EVENT, onExchange);
    window.addEventListener(LAB_IDENTITY_EVENT, onIdentity);
    return () => {
      window.removeEventListener(LAB_EVENT, onExchange);
      window.removeEventListener(LAB_IDENTITY_EVENT, onIdentity);
    };
  }, []);

  async function both(action: "login-alice" | "call-api") {
    setBusy(true);
    try {
      await drivePane({ pane: "session", action });
      await drivePane({ pane: "jwt", action });
    } finally {
      setBusy(false);
    }
  }

  const loggedIn = progress.loggedIn.session && progress.loggedIn.jwt;
  const called = progress.called.session !== undefined && progress.called.jwt !== undefined;
  const primary = "min-h-11 rounded-lg bg-slate-900 px-4 py-2 text-left font-semibold text-white hover:bg-slate-700 disabled:opacity-60";
  const secondary = "min-h-11 rounded-lg border border-slate-400 bg-white px-4 py-2 text-left font-semibold hover:bg-slate-100 disabled:opacity-60";

  return (
    <section aria-labelledby="start-here-heading" className="rounded-lg border-2 border-slate-900 bg-white p-4">
      <h2 id="start-here-heading" className="text-lg font-bold">
        Start here
      </h2>
      <ol className="mt-2 grid gap-3 md:grid-cols-3">
        <li className="flex items-start gap-2">
          <Mark done={loggedIn} />
          <div className="space-y-1">
            <p className="text-sm text-slate-700">1. Sign both panes in as the demo user Alice.</p>
            <button type="button" disabled={busy} onClick={() => void both("login-alice")} className={loggedIn ? secondary : primary}>
              <span aria-hidden="true">▶ </span>Log both panes in
            </button>
          </div>
        </li>
        <li className="flex items-start gap-2">
          <Mark done={called} />
          <div className="space-y-1">
            <p className="text-sm text-slate-700">2. Call the protected API from each, and compare what the server did.</p>
            <button type="button" disabled={busy || !loggedIn} onClick={() => void both("call-api")} className={loggedIn && !called ? primary : secondary}>
              Call the API from both
            </button>
            {called ? (
              <p className="text-sm" data-testid="start-here-compare">
                Session: <strong>{progress.called.session}</strong> store {progress.called.session === 1 ? "query" : "queries"} · JWT: <strong>{progress.called.jwt}</strong> —{" "}
                <a href="#compare-heading" className="text-blue-800 underline">
                  see both requests drawn ↓
                </a>
              </p>
            ) : null}
          </div>
        </li>
        <li className="space-y-1">
          <p className="text-sm text-slate-700">3. Then take the lesson in order, or try an attack.</p>
          <p className="flex flex-wrap gap-2">
            <Link href="/tour" className={`${called ? primary : secondary} inline-flex items-center`}>
              Take the guided tour (7 steps)
            </Link>
            <a href="#lab-scenarios-heading" className="inline-flex min-h-11 items-center text-sm text-blue-800 underline">
              Run a scenario ↓
            </a>
            <Link href="/tour/quiz" className="inline-flex min-h-11 items-center text-sm text-blue-800 underline">
              Knowledge check
            </Link>
            <Link href="/glossary" className="inline-flex min-h-11 items-center text-sm text-blue-800 underline">
              Glossary
            </Link>
          </p>
        </li>
      </ol>
    </section>
  );
}
