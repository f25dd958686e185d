"use client";

import Link from "next/link";
import { useActionState } from "react";
import { IDLE } from "@/lib/forms/form-state";
import { register } from "./actions";

/** Registration: a server action, so a POST with or without JavaScript; the password never reaches a URL. */
export function RegisterForm() {
  const [state, formAction, pending] = useActionState(register, IDLE);
  const fieldMessages = state.status === "error" && state.fields ? Object.values(state.fields).join(" ") : null;

  return (
    <form action={formAction} method="post" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" noValidate>
      <div>
        <label htmlFor="reg-email" className="block text-sm font-medium">Email</label>
        <input id="reg-email" name="email" type="email" autoComplete="username" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="reg-password" className="block text-sm font-medium">Password</label>
        <input id="reg-password" name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      {state.status === "ok" ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">
          {state.message} <Link href="/login" className="underline">Go to log in</Link>
        </p>
      ) : null}
      {state.status === "error" ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {fieldMessages ?? state.message} ({state.code})
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}
