"use client";

import { useCallback, useId, useRef, useState } from "react";
import { useDismiss } from "./use-dismiss";
import { apiFetch } from "../api-client";
import type { HeaderState } from "./header-state";

function idleText(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} day${seconds === 86_400 ? "" : "s"}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`;
  return `${Math.round(seconds / 60)} minutes`;
}

/**
 * Whose lab this is: the lab's public id in the header, "your own lab", and a popover that says what
 * that means and offers a fresh lab (the current one and all it holds are deleted).
 */
export function LabBadge({ lab }: { lab: NonNullable<HeaderState["lab"]> }) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, button);

  const startNewLab = async () => {
    setState({ busy: true, error: null });
    const res = await apiFetch<{ lab: { id: string } }>("/api/labs", { method: "POST" });
    if (!res.ok) {
      setState({ busy: false, error: res.error.message });
      return;
    }
    // Every panel on the page belongs to the old lab: start over from the server's view of the new one.
    window.location.reload();
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        data-testid="lab-badge"
        className={`flex min-h-7 items-center gap-1.5 rounded-full border px-3 py-1 text-sm font-medium ${lab.isDefault ? "border-rose-400 bg-rose-50 text-rose-950 hover:bg-rose-100" : "border-indigo-300 bg-indigo-50 text-indigo-950 hover:bg-indigo-100"}`}
      >
        <span>{lab.isDefault ? "Shared default lab" : "Your own lab"}</span>
        <code className="font-mono text-xs" aria-label={`lab id ${lab.id}`}>
          {lab.id}
        </code>
      </button>
      {open ? (
        <div id={panelId} role="region" aria-label="About this lab" className="absolute left-0 z-20 mt-2 w-[min(22rem,calc(100vw-2rem))] space-y-3 rounded-lg border border-slate-300 bg-white p-4 text-sm shadow-lg sm:right-0 sm:left-auto">
          {lab.isDefault ? (
            <p>This is the server&apos;s shared lab: every client without a lab cookie (curl, scripts) acts in it. Start a lab of your own to experiment alone.</p>
          ) : (
            <>
              <p>
                Everything you do here — users you register, sessions, tokens, the denylist, settings, the demo clock — is in this lab only. Nobody else on this server sees
                it, and nothing they do reaches you.
              </p>
              <p className="text-slate-700">The lab is deleted with all it holds after {idleText(lab.idleSeconds)} without a visit.</p>
            </>
          )}
          <button
            type="button"
            disabled={state.busy}
            onClick={() => void startNewLab()}
            className="inline-flex min-h-8 items-center rounded border border-slate-400 bg-white px-3 py-1 font-medium hover:bg-slate-50 disabled:opacity-60"
          >
            {state.busy ? "Starting…" : lab.isDefault ? "Start a lab of my own" : "Start a new lab (this one is deleted)"}
          </button>
          {state.error ? (
            <p role="alert" className="text-rose-800">
              {state.error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
