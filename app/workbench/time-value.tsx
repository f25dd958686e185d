"use client";

import { authNowMs, type AuthClock } from "@/lib/workbench/auth-clock";
import { describeTime, readNumericDate } from "@/lib/workbench/times";
import { useNow } from "./use-now";

/** "demo clock +15 min", "demo clock at real time". */
export function offsetText(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  if (minutes === 0) return "demo clock at real time";
  return minutes % 60 === 0 ? `demo clock +${minutes / 60} h` : `demo clock +${minutes} min`;
}

/** Under a second apart: the two clocks say the same, and saying it twice would only confuse. */
const SAME_CLOCK_MS = 1000;

/** A NumericDate claim read as a person would: local time, UTC, and how far from now — on this device and on AuthLab's clock. */
export function TimeValue({ value, clock, label }: { value: unknown; clock: AuthClock | null; label: string }) {
  const now = useNow();
  const date = readNumericDate(value);
  if (!date.ok)
    return (
      <span role="group" aria-label={label} className="block font-semibold text-red-800">
        Not a valid time: {date.message}.
      </span>
    );
  const described = describeTime(date.ms, now, clock ? authNowMs(clock, now) : null);
  return (
    <span role="group" aria-label={label} className="block text-slate-700">
      <time dateTime={described.iso}>{described.local}</time> <span className="text-slate-500">(your time zone; {described.iso})</span>
      <span className="block">
        <strong>{described.relativeToNow}</strong> on this device&apos;s clock
        {clock && Math.abs(clock.skewMs) < SAME_CLOCK_MS ? <>, as on AuthLab&apos;s auth clock ({offsetText(clock.offsetMs)})</> : null}
        {clock && Math.abs(clock.skewMs) >= SAME_CLOCK_MS && described.relativeToAuthClock !== null ? (
          <>
            {" "}· <strong>{described.relativeToAuthClock}</strong> on AuthLab&apos;s auth clock ({offsetText(clock.offsetMs)})
          </>
        ) : null}
      </span>
    </span>
  );
}
