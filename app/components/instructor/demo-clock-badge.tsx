"use client";

import Link from "next/link";
import { useCallback, useId, useRef, useState } from "react";
import { useDismiss } from "../header/use-dismiss";
import { DemoClockControls, offsetLabel } from "./demo-clock-controls";
import { useDemoClock } from "./use-demo-clock";

/**
 * The header's reminder that the server's auth clock is not real time, shown only then, with the
 * clock controls one click away in a small popover.
 */
export function DemoClockBadge() {
  const demoClock = useDemoClock();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { clock } = demoClock;
  const shifted = Boolean(clock?.enabled && clock.offsetMs > 0);

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, button);

  return (
    <>
      {/* A bare live region, not role="status": the header is on every page and must not add a status to each. */}
      {/* (Outside the badge's box, so that with no badge the header keeps no empty slot for it.) */}
      <p aria-live="polite" className="sr-only">
        {shifted && clock ? `Demo clock ${offsetLabel(clock.offsetMs)} of real time` : ""}
      </p>
      {shifted && clock ? (
        <div ref={root} className="relative">
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
          className="flex min-h-7 items-center gap-1 rounded-full border border-amber-500 bg-amber-100 px-3 py-1 text-sm font-medium text-amber-950 hover:bg-amber-200"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
            <circle cx="8" cy="8" r="6.5" />
            <path d="M8 4.5V8l2.5 1.5" strokeLinecap="round" />
          </svg>
          Demo clock {offsetLabel(clock.offsetMs)}
        </button>
      {open ? (
        <div id={panelId} role="region" aria-label="Demo clock controls" className="absolute left-0 z-20 mt-2 w-[min(20rem,calc(100vw-2rem))] space-y-3 rounded-lg border border-slate-300 bg-white p-4 shadow-lg sm:right-0 sm:left-auto">
          <p className="text-sm text-slate-700">
            Tokens and sessions on this server expire as if it were later than it is. Password hashing and rate limits still run on real time.
          </p>
          <DemoClockControls demoClock={demoClock} compact />
          <Link href="/instructor" className="inline-flex min-h-8 items-center text-sm text-blue-800 underline" onClick={() => setOpen(false)}>
            All instructor tools
          </Link>
        </div>
      ) : null}
        </div>
      ) : null}
    </>
  );
}
