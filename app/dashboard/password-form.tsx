"use client";

import { useActionState } from "react";
import { IDLE } from "@/lib/forms/form-state";
import { changeMyPassword } from "./actions";

/** Change my password: a server action, so a POST with or without JavaScript; no password ever reaches a URL. */
export function PasswordForm() {
  const [state, formAction, pending] = useActionState(changeMyPassword, IDLE);
  const fieldMessages = state.status === "error" && state.fields ? Object.values(state.fields).join(" ") : null;
  return (
    <form action={formAction} method="post" aria-label="Change password" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <h2 className="text-lg font-semibold">Change password</h2>
      <p className="text-sm text-slate-600">Every other session and refresh token of yours ends; this browser gets a fresh credential (a privilege change earns a new one, like a login).</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="current-password" className="block text-sm font-medium">Current password</label>
          <input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="new-password" className="block text-sm font-medium">New password</label>
          <input id="new-password" name="newPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={128} className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
        </div>
      </div>
      {state.status === "ok" ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">{state.message}</p> : null}
      {state.status === "error" ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {fieldMessages ?? state.message} ({state.code})
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
