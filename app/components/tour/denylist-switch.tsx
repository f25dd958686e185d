"use client";

import { useCallback, useEffect, useState } from "react";
import type { Settings } from "@/lib/settings/schema";
import { apiFetch } from "../api-client";
import { announceRefresh, LAB_REFRESH_EVENT } from "../lab/lab-client";
import { StepContext, StepFailedError } from "./step-context";

/** The denylist setting as the server holds it, with a switch (as the demo admin) for the tour's hybrid step. */
export function DenylistSwitch({ running }: { running: boolean }) {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const res = await apiFetch<{ settings: Settings }>("/api/settings");
    if (res.ok) setEnabled(res.data.settings.denylistEnabled);
  }, []);

  // A tour run ends with a refresh announcement, so this follows the step's own change too.
  useEffect(() => {
    const onRefresh = () => void reload();
    onRefresh();
    window.addEventListener(LAB_REFRESH_EVENT, onRefresh);
    return () => window.removeEventListener(LAB_REFRESH_EVENT, onRefresh);
  }, [reload]);

  async function toggle() {
    if (enabled === null) return;
    setBusy(true);
    setError(null);
    try {
      const settings = await new StepContext(() => undefined).changeSettings({ denylistEnabled: !enabled });
      setEnabled(settings.denylistEnabled);
    } catch (caught) {
      setError(caught instanceof StepFailedError ? caught.message : "The setting could not be changed.");
    } finally {
      setBusy(false);
      announceRefresh();
    }
  }

  if (enabled === null) return null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p data-testid="tour-denylist-state">
        Denylist on the server now: <strong>{enabled ? "on" : "off"}</strong>
      </p>
      <button type="button" disabled={busy || running} onClick={() => void toggle()} className="rounded border border-slate-400 bg-white px-3 py-1 hover:bg-slate-100 disabled:opacity-60">
        {enabled ? "Turn the denylist off" : "Turn the denylist on"}
      </button>
      {error ? <p role="alert" className="text-red-800">{error}</p> : null}
    </div>
  );
}
