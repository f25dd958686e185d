"use client";

import { useState } from "react";
import type { AuthMode } from "@/lib/auth/types";
import { apiFetch } from "../components/api-client";

interface DemoUser {
  email: string;
  password: string;
  role: string;
}

export function LoginForm({ next, demoUsers }: { next: string; demoUsers: DemoUser[] }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [mode, setMode] = useState<AuthMode>("session");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const modeSet = await apiFetch("/api/mode", { method: "PUT", body: { mode } });
    const login = modeSet.ok ? await apiFetch(`/api/auth/${mode}/login`, { method: "POST", body: { email, password } }) : modeSet;
    setBusy(false);
    if (!login.ok) {
      setError(`${login.error.message} (${login.error.code})`);
      return;
    }
    // A full navigation: the new cookies must reach the proxy and every server component afresh.
    window.location.assign(next);
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" noValidate>
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
        <div className="mt-1 flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="session" checked={mode === "session"} onChange={() => setMode("session")} /> Session (cookie + server store)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="jwt" checked={mode === "jwt"} onChange={() => setMode("jwt")} /> JWT (signed token)
          </label>
        </div>
      </fieldset>
      {error ? <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{error}</p> : null}
      <button type="submit" disabled={busy} className="w-full rounded bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">
        {busy ? "Logging in…" : "Log in"}
      </button>
      <div className="border-t border-slate-200 pt-3 text-sm">
        <p className="mb-2 text-slate-600">Demo users (demo only — the passwords are public):</p>
        <div className="flex flex-wrap gap-2">
          {demoUsers.map((u) => (
            <button key={u.email} type="button" onClick={() => { setEmail(u.email); setPassword(u.password); }} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
              Fill in {u.email} ({u.role})
            </button>
          ))}
        </div>
      </div>
    </form>
  );
}
