"use client";

import { useEffect, useState } from "react";

/** mm:ss (or h:mm:ss) of a positive duration. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * A live countdown to a server-side instant, worded whole: "expires in 14:59", then "expired" —
 * never "expires in expired". `serverNow` is the server's auth clock when the data was read (the
 * demo clock may be ahead of real time); the countdown runs from there, so it agrees with what the
 * server will decide.
 */
export function Countdown({ until, serverNow, before, after }: { until: string; serverNow: string; before: string; after: string }) {
  const [offsetMs] = useState(() => new Date(serverNow).getTime() - Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const remaining = new Date(until).getTime() - (now + offsetMs);
  return (
    <time dateTime={until} className="tabular-nums">
      {remaining > 0 ? (
        <>
          {before} <span className="font-mono">{formatRemaining(remaining)}</span>
        </>
      ) : (
        after
      )}
    </time>
  );
}
