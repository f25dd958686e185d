"use client";

import { useCallback, useState } from "react";
import { announceRefresh, lab, type StoreFaultView } from "../lab/lab-client";
import { useReloadOnLabActivity } from "../lab/use-lab-events";
import { adminCredential, type AdminAccess } from "./admin-access";

const STORE_WORDS: Record<StoreFaultView["sessionStore"], string> = { memory: "memory", database: "database", redis: "Redis" };

/**
 * The lab's outage switch: while it is on, this lab's session store and denylist store refuse every
 * operation as a store that refuses connections does — on the server, at the store adapter; the
 * browser is told nothing special. What to watch is listed beside it; other labs are untouched.
 */
export function StoreFaultPanel({ access, labIsDefault }: { access: AdminAccess | null; labIsDefault: boolean }) {
  const [view, setView] = useState<StoreFaultView | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const answer = await lab.storeFault();
    if (answer.ok && answer.body) setView(answer.body);
  }, []);
  useReloadOnLabActivity(load);

  const on = view?.on ?? false;
  const toggle = async () => {
    if (!access) return;
    setBusy(true);
    const answer = await lab.setStoreFault(!on, adminCredential(access));
    setBusy(false);
    if (answer.ok && answer.body) {
      setView(answer.body);
      setMessage({
        ok: true,
        text: answer.body.on
          ? "The outage is on: this lab's stores refuse from its very next request. Try the panes now."
          : "The store is back: the same cookies and tokens work again — nobody was logged out.",
      });
    } else {
      setMessage({ ok: false, text: `${answer.status} ${answer.code ?? ""}: the switch did not move.` });
    }
    // The header's badge and the panes follow at once.
    announceRefresh();
  };

  const session = STORE_WORDS[view?.sessionStore ?? "database"];
  const denylist = STORE_WORDS[view?.denylistStore ?? "database"];
  return (
    <div className="space-y-3" data-testid="store-fault">
      <p className="max-w-3xl text-slate-700">
        Takes this lab&apos;s session store ({session}) and denylist store ({denylist}) down the way a real outage does: on the server, every operation the lab sends them is
        refused as by a server that refuses the connection — the same <code>503 STORE_UNAVAILABLE</code> with <code>Retry-After</code> that a stopped Redis or database gives.
        Nothing is faked in the browser, and no other lab notices.
      </p>
      <p
        aria-live="polite"
        data-testid="store-fault-state"
        className={`max-w-3xl rounded border p-3 text-sm font-medium ${on ? "border-red-500 bg-red-50 text-red-950" : "border-slate-200 bg-slate-50 text-slate-800"}`}
      >
        {on ? `Outage on: this lab's ${session} session store and ${denylist} denylist refuse every request.` : "Off: every store answers."}
      </p>
      <details className="max-w-3xl rounded border border-slate-200 p-3 text-sm" open={on}>
        <summary className="flex min-h-8 cursor-pointer items-center font-medium">What to watch while it is on</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
          <li>
            <strong>Session pane</strong> → Call the protected API: <code>503 STORE_UNAVAILABLE</code>, and the request flow shows the session lookup refused. The cookie is
            not cleared: you are still signed in.
          </li>
          <li>
            <strong>Dashboard</strong> in session mode: &ldquo;unavailable for a moment — you are still signed in&rdquo;, no redirect to the login page.
          </li>
          <li>
            <strong>JWT pane</strong> → Call the protected API: <code>200</code>, no store needed to check a signature. Turn the denylist on (Settings) and it is{" "}
            <code>503</code>: the denylist fails closed rather than let a revoked token through.
          </li>
          <li>Logging in with a session: <code>503</code> and no cookie. Logging out: the cookie is cleared, and the 503 says the server could not delete the session.</li>
          <li>Turn it off: the very same cookie works again. Reset this lab also turns it off.</li>
        </ul>
      </details>
      <button
        type="button"
        onClick={() => void toggle()}
        disabled={!access || busy || labIsDefault}
        aria-pressed={on}
        className={`inline-flex min-h-8 items-center rounded px-3 py-1 text-sm font-medium text-white disabled:cursor-not-allowed disabled:bg-slate-400 ${on ? "bg-emerald-800 hover:bg-emerald-700" : "bg-red-800 hover:bg-red-700"}`}
      >
        {busy ? "Switching…" : on ? "Bring this lab's stores back" : "Take this lab's stores down"}
      </button>
      {labIsDefault ? (
        <p className="text-sm text-slate-700">Not in the server&apos;s shared default lab: everyone shares it. A browser&apos;s own lab has the switch.</p>
      ) : !access ? (
        <p className="text-sm text-slate-700">Sign in as the lab&apos;s admin above to use the switch.</p>
      ) : null}
      {message ? (
        <p role="status" className={`text-sm ${message.ok ? "text-emerald-900" : "text-red-800"}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
