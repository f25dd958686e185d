"use client";

import { useCallback, useEffect, useState } from "react";
import { SETTING_BOUNDS, type DurationSettingKey } from "@/lib/settings/bounds";
import { formatDuration } from "@/lib/settings/durations";
import type { LabSettingsPatch as SettingsPatch, Settings } from "@/lib/settings/schema";
import { apiFetch } from "../api-client";
import { LinkedTerms } from "../glossary/rich-text";
import { announceRefresh, lab, LAB_REFRESH_EVENT, labFetch, type LabExchange } from "../lab/lab-client";
import type { AdminAccess } from "./admin-access";
import { JWT_FIELDS, SESSION_FIELDS, STORAGE_LABEL, STORAGE_OPTIONS, type DurationField } from "./settings-fields";

interface SettingsView {
  settings: Settings;
}

type Draft = Record<DurationSettingKey, string> & { denylistEnabled: boolean; jwtStorage: Settings["jwtStorage"] };

const DURATION_KEYS = Object.keys(SETTING_BOUNDS) as DurationSettingKey[];
const FIELD_LABEL = Object.fromEntries([...JWT_FIELDS, ...SESSION_FIELDS].map((f) => [f.key, f.label])) as Record<DurationSettingKey, string>;

function toDraft(settings: Settings): Draft {
  const durations = Object.fromEntries(DURATION_KEYS.map((key) => [key, String(settings[key])])) as Record<DurationSettingKey, string>;
  return { ...durations, denylistEnabled: settings.denylistEnabled, jwtStorage: settings.jwtStorage };
}

function isDirty(draft: Draft, settings: Settings): boolean {
  return DURATION_KEYS.some((key) => draft[key] !== String(settings[key])) || draft.denylistEnabled !== settings.denylistEnabled || draft.jwtStorage !== settings.jwtStorage;
}

/** Only what changed, checked against the same bounds the server enforces. */
function buildPatch(draft: Draft, settings: Settings): { patch: SettingsPatch; errors: Partial<Record<DurationSettingKey, string>> } {
  const patch: SettingsPatch = {};
  const errors: Partial<Record<DurationSettingKey, string>> = {};
  for (const key of DURATION_KEYS) {
    const { min, max } = SETTING_BOUNDS[key];
    const value = Number(draft[key]);
    if (draft[key].trim() === "" || !Number.isInteger(value) || value < min || value > max) errors[key] = `Enter whole seconds from ${min} to ${max}.`;
    else if (value !== settings[key]) patch[key] = value;
  }
  if (draft.denylistEnabled !== settings.denylistEnabled) patch.denylistEnabled = draft.denylistEnabled;
  if (draft.jwtStorage !== settings.jwtStorage) patch.jwtStorage = draft.jwtStorage;
  return { patch, errors };
}

function describeChange(patch: SettingsPatch, before: Settings): string {
  const parts: string[] = [];
  for (const key of DURATION_KEYS) {
    const value = patch[key];
    if (value !== undefined) parts.push(`${FIELD_LABEL[key]} ${formatDuration(value)} (was ${formatDuration(before[key])})`);
  }
  if (patch.denylistEnabled !== undefined) parts.push(`denylist ${patch.denylistEnabled ? "on" : "off"}`);
  if (patch.jwtStorage !== undefined) parts.push(`JWT pane storage: ${STORAGE_LABEL[patch.jwtStorage]}`);
  return parts.join("; ");
}

function patchAs(access: AdminAccess, patch: SettingsPatch): Promise<LabExchange> {
  if (access.kind === "bearer") return lab.patchSettings(patch, access.token);
  return labFetch("lab", "Change settings (admin)", `/api/settings?mode=${access.mode}`, { method: "PATCH", body: patch, sent: `${access.mode} cookie` });
}

function DurationInput({ field, draft, current, error, onChange }: { field: DurationField; draft: string; current: number; error?: string; onChange: (value: string) => void }) {
  const { min, max } = SETTING_BOUNDS[field.key];
  const id = `setting-${field.key}`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {field.label} (seconds)
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-current ${id}-help${error ? ` ${id}-error` : ""}`}
        className="mt-1 w-40 rounded border border-slate-300 px-2 py-1 font-mono disabled:bg-slate-100"
      />
      <p id={`${id}-current`} className="mt-1 text-sm" data-testid={`current-${field.key}`}>
        On the server now: <strong>{formatDuration(current)}</strong> ({current} s)
      </p>
      <p id={`${id}-help`} className="text-sm text-slate-600">
        <LinkedTerms text={field.help} />
      </p>
      {error ? <p id={`${id}-error`} className="text-sm font-medium text-red-800">⚠ {error}</p> : null}
    </div>
  );
}

/**
 * The runtime settings, read from the server and, for an admin, changed on it. Every change applies
 * to the next request; the form shows what the server holds, re-read after any lab change.
 */
export function SettingsForm({ access, onAccessLost }: { access: AdminAccess | null; onAccessLost: (reason: string) => void }) {
  const [form, setForm] = useState<{ settings: Settings; draft: Draft } | null>(null);
  const [errors, setErrors] = useState<Partial<Record<DurationSettingKey, string>>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const res = await apiFetch<SettingsView>("/api/settings");
    if (!res.ok) {
      setStatus({ ok: false, text: `${res.error.message} (${res.error.code})` });
      return;
    }
    const next = res.data.settings;
    // Keep an instructor's unsaved edits; otherwise follow the server.
    setForm((previous) => ({ settings: next, draft: previous && isDirty(previous.draft, previous.settings) ? previous.draft : toDraft(next) }));
  }, []);

  useEffect(() => {
    const onRefresh = () => void reload();
    onRefresh();
    window.addEventListener(LAB_REFRESH_EVENT, onRefresh);
    return () => window.removeEventListener(LAB_REFRESH_EVENT, onRefresh);
  }, [reload]);

  if (!form) return <p className="text-slate-600">{status?.text ?? "Reading the settings from the server…"}</p>;
  const { settings, draft } = form;
  const update = (patch: Partial<Draft>) => setForm({ settings, draft: { ...draft, ...patch } });

  async function apply(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!access) return;
    const { patch, errors: found } = buildPatch(draft, settings);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus({ ok: false, text: "Nothing applied: fix the values marked ⚠ first." });
      return;
    }
    if (Object.keys(patch).length === 0) {
      setStatus({ ok: true, text: "Nothing to apply: the form matches the server." });
      return;
    }
    setBusy(true);
    const exchange = await patchAs(access, patch);
    setBusy(false);
    const body = exchange.body as (SettingsView & { error?: { code: string; message: string } }) | null;
    if (exchange.ok && body?.settings) {
      setStatus({ ok: true, text: `Applied at ${new Date(exchange.at).toLocaleTimeString()}: ${describeChange(patch, settings)}.` });
      setForm({ settings: body.settings, draft: toDraft(body.settings) });
      announceRefresh();
      return;
    }
    if (exchange.status === 401 || exchange.status === 403) {
      onAccessLost(`The server refused the change: ${body?.error?.message ?? "not authorised"} (${exchange.code ?? exchange.status}). Sign in as an admin again.`);
    }
    setStatus({ ok: false, text: `Not applied: ${body?.error?.message ?? "the server refused the change"} (${exchange.code ?? exchange.status}).` });
  }

  return (
    <form onSubmit={(event) => void apply(event)} aria-label="Runtime settings" noValidate>
      <fieldset disabled={!access || busy} className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-2">
          <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
            <legend className="px-1 font-semibold text-jwt">JWT</legend>
            {JWT_FIELDS.map((field) => (
              <DurationInput key={field.key} field={field} draft={draft[field.key]} current={settings[field.key]} error={errors[field.key]} onChange={(value) => update({ [field.key]: value })} />
            ))}
          </fieldset>
          <div className="space-y-6">
            <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
              <legend className="px-1 font-semibold text-session">Session</legend>
              {SESSION_FIELDS.map((field) => (
                <DurationInput key={field.key} field={field} draft={draft[field.key]} current={settings[field.key]} error={errors[field.key]} onChange={(value) => update({ [field.key]: value })} />
              ))}
            </fieldset>
            <fieldset className="space-y-2 rounded-lg border border-slate-200 p-4">
              <legend className="px-1 font-semibold">Denylist (JWT made stateful)</legend>
              <label className="flex items-start gap-2">
                <input type="checkbox" checked={draft.denylistEnabled} onChange={(event) => update({ denylistEnabled: event.target.checked })} className="mt-1" aria-describedby="denylist-help" />
                <span>Check every access token against the denylist</span>
              </label>
              <p id="denylist-help" className="text-sm text-slate-600">
                Logout then kills a copied access token at once — at the price of one store lookup per request. On the server now: <strong data-testid="current-denylistEnabled">{settings.denylistEnabled ? "on" : "off"}</strong>.
              </p>
            </fieldset>
            <fieldset className="space-y-2 rounded-lg border border-slate-200 p-4">
              <legend className="px-1 font-semibold">Where the JWT pane keeps its access token</legend>
              {STORAGE_OPTIONS.map((option) => (
                <label key={option.value} className="flex items-start gap-2">
                  <input type="radio" name="jwtStorage" value={option.value} checked={draft.jwtStorage === option.value} onChange={() => update({ jwtStorage: option.value })} className="mt-1" />
                  <span>
                    <span className="font-medium">{option.label}</span> <span className="text-sm text-slate-600">— {option.help}</span>
                  </span>
                </label>
              ))}
              <p className="text-sm">
                On the server now: <strong data-testid="current-jwtStorage">{STORAGE_LABEL[settings.jwtStorage]}</strong>.
              </p>
            </fieldset>
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60">
            {busy ? "Applying…" : "Apply changes"}
          </button>
          <button type="button" onClick={() => {
              setForm({ settings, draft: toDraft(settings) });
              setErrors({});
              setStatus(null);
            }} className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100 disabled:opacity-60">
            Discard edits
          </button>
        </div>
      </fieldset>
      <p role="status" className={`mt-3 text-sm ${status?.ok === false ? "font-medium text-red-800" : "text-slate-800"}`}>
        {status?.text ?? ""}
      </p>
    </form>
  );
}
