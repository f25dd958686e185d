"use client";

import { useRef, useState } from "react";
import { announceRefresh, lab } from "../lab/lab-client";
import { forgetToken } from "../lab/token-holder";

/**
 * One click (and a confirmation) puts this lab back to its first-run state: every session,
 * refresh token and denylist entry deleted, users back to the seeded demo accounts, settings and
 * the demo clock back to their defaults. The server clears this browser's cookies in the same answer.
 */
export function ResetDemoButton({ onReset }: { onReset?: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  async function reset() {
    setBusy(true);
    const exchange = await lab.resetDemo();
    setBusy(false);
    dialog.current?.close();
    if (exchange.ok) {
      // The server cleared this browser's cookies; a token the JWT pane keeps in memory or localStorage goes too.
      forgetToken();
      const users = (exchange.body as { users?: string[] } | null)?.users ?? [];
      setResult({ ok: true, text: `The demo was reset at ${new Date(exchange.at).toLocaleTimeString()}. Users now: ${users.join(", ") || "none"}.` });
      onReset?.();
    } else {
      const body = exchange.body as { error?: { message?: string } } | null;
      setResult({ ok: false, text: `${body?.error?.message ?? "The demo could not be reset."} (${exchange.code ?? exchange.status})` });
    }
    announceRefresh();
  }

  return (
    <div>
      <button
        type="button"
        onClick={() => {
          setResult(null);
          dialog.current?.showModal();
        }}
        className="rounded border border-red-700 bg-white px-4 py-2 font-medium text-red-800 hover:bg-red-50"
      >
        Reset this lab…
      </button>
      <p role="status" className={`text-sm ${result ? "mt-2" : ""} ${result?.ok === false ? "text-red-800" : "text-slate-700"}`}>
        {result?.text ?? ""}
      </p>
      <dialog ref={dialog} aria-labelledby="reset-demo-title" className="m-auto max-w-md rounded-lg border border-slate-300 p-5 shadow-xl backdrop:bg-slate-900/40">
        <h2 id="reset-demo-title" className="text-lg font-bold">Reset this lab?</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>Everyone in this lab is logged out: every session, refresh token family and denylist entry of the lab is deleted.</li>
          <li>Accounts registered in this lab are removed; its demo users are restored with their original roles and passwords.</li>
          <li>Its settings go back to their defaults (the outage switch off), its demo clock to real time and its signing key to the server&apos;s.</li>
          <li>No other lab on this server is touched.</li>
        </ul>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">
            Cancel
          </button>
          <button type="button" disabled={busy} onClick={() => void reset()} className="rounded bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 disabled:opacity-60">
            {busy ? "Resetting…" : "Yes, reset everything"}
          </button>
        </div>
      </dialog>
    </div>
  );
}
