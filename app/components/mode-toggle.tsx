"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { AuthMode } from "@/lib/auth/types";
import { apiFetch } from "./api-client";

/** Which strategy guards /dashboard for this browser. Switching logs nothing out. */
export function ModeToggle({ initialMode }: { initialMode: AuthMode }) {
  const [mode, setMode] = useState<AuthMode>(initialMode);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  async function choose(next: AuthMode) {
    setError(null);
    const res = await apiFetch("/api/mode", { method: "PUT", body: { mode: next } });
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setMode(next);
    startTransition(() => router.refresh());
  }

  return (
    <fieldset className="flex items-center gap-2 text-sm" aria-busy={pending}>
      <legend className="sr-only">Active authentication mode</legend>
      <span className="text-slate-600" aria-hidden="true">Active mode:</span>
      {(["session", "jwt"] as const).map((m) => (
        <label key={m} className={`cursor-pointer rounded-full border px-3 py-1 ${mode === m ? (m === "session" ? "border-session bg-session text-white" : "border-jwt bg-jwt text-white") : "border-slate-300 bg-white"}`}>
          <input type="radio" name="active-mode" value={m} checked={mode === m} onChange={() => void choose(m)} className="sr-only" aria-label={m === "session" ? "Session mode" : "JWT mode"} />
          {m === "session" ? "Session" : "JWT"}
          {mode === m ? <span className="sr-only"> (active)</span> : null}
        </label>
      ))}
      {error ? <span role="alert" className="text-red-700">{error}</span> : null}
    </fieldset>
  );
}
