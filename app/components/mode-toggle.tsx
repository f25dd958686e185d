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
    <div role="group" aria-label="Active authentication mode" className="flex items-center gap-2 text-sm" aria-busy={pending}>
      <span className="text-slate-600" aria-hidden="true">Active mode:</span>
      {(["session", "jwt"] as const).map((m) => (
        <button
          key={m}
          type="button"
          aria-pressed={mode === m}
          aria-label={m === "session" ? "Session mode" : "JWT mode"}
          onClick={() => void choose(m)}
          className={`rounded-full border px-3 py-1 ${mode === m ? (m === "session" ? "border-session bg-session text-white" : "border-jwt bg-jwt text-white") : "border-slate-300 bg-white hover:bg-slate-100"}`}
        >
          {m === "session" ? "Session" : "JWT"}
          {mode === m ? <span aria-hidden="true"> ✓</span> : null}
        </button>
      ))}
      {error ? <span role="alert" className="text-red-700">{error}</span> : null}
    </div>
  );
}
