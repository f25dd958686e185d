"use client";

import { useEffect, useState } from "react";

/** mm:ss (or h:mm:ss) until `until`, on the server's auth clock. */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return "expired";
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * A live countdown to a server-side instant. `serverNow` is the server's auth clock when the data
 * was read (the demo clock may be ahead of real time); the countdown runs from there, so it agrees
 * with what the server will decide.
 */
export function Countdown({ until, serverNow, label }: { until: string; serverNow: string; label: string }) {
  const [offsetMs] = useState(() => new Date(serverNow).getTime() - Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const remaining = new Date(until).getTime() - (now + offsetMs);
  return (
    <span aria-label={label} className="font-mono tabular-nums">
      {formatRemaining(remaining)}
    </span>
  );
}
