"use client";

import { formatDuration } from "@/lib/settings/durations";
import type { useDemoClock } from "./use-demo-clock";

const STEPS = [
  { seconds: 60, label: "+1 min" },
  { seconds: 15 * 60, label: "+15 min" },
  { seconds: 3600, label: "+1 h" },
] as const;

export function offsetLabel(offsetMs: number): string {
  return offsetMs === 0 ? "real time" : `+${formatDuration(offsetMs / 1000)} ahead`;
}

function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/**
 * Buttons that move the server's auth clock forward, and back to real time. Only expiry moves:
 * password hashing and rate limits always use real time.
 */
export function DemoClockControls({ demoClock, compact = false }: { demoClock: ReturnType<typeof useDemoClock>; compact?: boolean }) {
  const { clock, error, busy, advance, reset } = demoClock;
  if (!clock) return error ? <p role="alert" className="text-sm text-red-800">{error}</p> : <p className="text-sm text-slate-600">Reading the server&apos;s clock…</p>;
  if (!clock.enabled) {
    return (
      <p className="text-sm text-slate-700">
        The demo clock is <strong>off</strong> on this server (<code>DEMO_CLOCK</code> is off, the default when <code>NODE_ENV=production</code>): tokens and sessions expire in real time.
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p className={compact ? "text-sm" : ""} data-testid="demo-clock-state">
        Auth clock: <strong>{offsetLabel(clock.offsetMs)}</strong>
        {clock.offsetMs > 0 ? <> · the server reads the time as <time dateTime={clock.now}>{clockTime(clock.now)}</time> (really <time dateTime={clock.realNow}>{clockTime(clock.realNow)}</time>)</> : null}
      </p>
      <div role="group" aria-label="Demo clock" className="flex flex-wrap gap-2">
        {STEPS.map((step) => (
          <button
            key={step.seconds}
            type="button"
            disabled={busy}
            onClick={() => void advance(step.seconds)}
            className="rounded border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60"
          >
            {step.label}
          </button>
        ))}
        <button
          type="button"
          disabled={busy || clock.offsetMs === 0}
          onClick={() => void reset()}
          className="rounded border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60"
        >
          Back to real time
        </button>
      </div>
      {error ? <p role="alert" className="text-sm text-red-800">{error}</p> : null}
    </div>
  );
}
