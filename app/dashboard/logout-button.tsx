"use client";

import { useState } from "react";
import type { AuthMode } from "@/lib/auth/types";
import { apiFetch } from "../components/api-client";

export function LogoutButton({ mode }: { mode: AuthMode }) {
  const [error, setError] = useState<string | null>(null);
  async function logout() {
    const res = await apiFetch(`/api/auth/${mode}/logout`, { method: "POST" });
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    // A full reload on purpose: the client router cache holds pages rendered for the old credential.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
    window.location.assign("/login");
  }
  return (
    <>
      <button type="button" onClick={() => void logout()} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white">
        Log out ({mode === "session" ? "session" : "JWT"})
      </button>
      {error ? <p role="alert" className="mt-2 text-sm text-red-700">{error}</p> : null}
    </>
  );
}
