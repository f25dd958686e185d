"use client";

import { useActionState, useState } from "react";
import type { AuthMode } from "@/lib/auth/types";
import { IDLE } from "@/lib/forms/form-state";
import { logIn } from "./actions";

interface DemoUser {
  email: string;
  password: string;
  role: string;
}

/**
 * The login form. Its action is a server action, so it is a POST with or without JavaScript: the
 * password is never put in a URL (or a server log), even when the form is submitted before the
 * page has hydrated.
 */
export function LoginForm({ next, demoUsers }: { next: string; demoUsers: DemoUser[] }) {
  const [state, formAction, pending] = useActionState(logIn, IDLE);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [mode, setMode] = useState<AuthMode>("session");

  return (
    <form action={formAction} method="post" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" noValidate>
      <input type="hidden" name="next" value={next} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Strategy</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex min-h-6 items-center gap-2">
            <input type="radio" name="mode" value="session" checked={mode === "session"} onChange={() => setMode("session")} /> Session (cookie + server store)
          </label>
          <label className="flex min-h-6 items-center gap-2">
            <input type="radio" name="mode" value="jwt" checked={mode === "jwt"} onChange={() => setMode("jwt")} /> JWT (signed token)
          </label>
        </div>
      </fieldset>
      {state.status === "error" ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {state.message} ({state.code})
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? "Logging in…" : "Log in"}
      </button>
      <div className="border-t border-slate-200 pt-3 text-sm">
        <p className="mb-2 text-slate-600">Demo users (demo only — the passwords are public):</p>
        <div className="flex flex-wrap gap-2">
          {demoUsers.map((u) => (
            <button key={u.email} type="button" onClick={() => { setEmail(u.email); setPassword(u.password); }} className="min-h-6 rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
              Fill in {u.email} ({u.role})
            </button>
          ))}
        </div>
      </div>
    </form>
  );
}
