"use client";

import Link from "next/link";
import { useState } from "react";
import { apiFetch } from "../components/api-client";

export function RegisterForm() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const res = await apiFetch<{ user: { email: string } }>("/api/auth/register", { method: "POST", body: { email, password } });
    setBusy(false);
    if (res.ok) setMessage({ kind: "ok", text: `Account created for ${res.data.user.email}. You can log in now.` });
    else {
      const fields = (res.error.details as { fields?: { message: string }[] } | undefined)?.fields?.map((f) => f.message).join(" ");
      setMessage({ kind: "error", text: `${fields ?? res.error.message} (${res.error.code})` });
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" noValidate>
      <div>
        <label htmlFor="reg-email" className="block text-sm font-medium">Email</label>
        <input id="reg-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="reg-password" className="block text-sm font-medium">Password</label>
        <input id="reg-password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} value={password} onChange={(e) => setPassword(e.target.value)} className="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
      </div>
      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={`rounded border p-2 text-sm ${message.kind === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-emerald-300 bg-emerald-50 text-emerald-900"}`}>
          {message.text} {message.kind === "ok" ? <Link href="/login" className="underline">Go to log in</Link> : null}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className="w-full rounded bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60">
        {busy ? "Creating…" : "Create account"}
      </button>
    </form>
  );
}
