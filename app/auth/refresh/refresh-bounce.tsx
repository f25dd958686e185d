"use client";

import { useEffect, useRef, useState } from "react";
import { apiFetch } from "../../components/api-client";

export function RefreshBounce({ next }: { next: string }) {
  const [status, setStatus] = useState("Asking /api/auth/jwt/refresh for a new access token…");
  const started = useRef(false);
  useEffect(() => {
    // React's strict mode runs effects twice in development; a refresh token is single use.
    if (started.current) return;
    started.current = true;
    void (async () => {
      const res = await apiFetch("/api/auth/jwt/refresh", { method: "POST" });
      if (res.ok || res.error.code === "REFRESH_TOKEN_RACE") {
        setStatus("Refreshed. Continuing…");
        window.location.replace(next);
      } else {
        setStatus(`Refresh refused (${res.error.code}). Taking you to the login page…`);
        window.location.replace(`/login?next=${encodeURIComponent(next)}&reason=${encodeURIComponent(res.error.code)}`);
      }
    })();
  }, [next]);
  return <p role="status" className="mt-4 text-sm">{status}</p>;
}
