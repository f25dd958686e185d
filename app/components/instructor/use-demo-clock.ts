"use client";

import { useCallback, useEffect, useState } from "react";
import { apiFetch } from "../api-client";
import { announceRefresh, lab, LAB_REFRESH_EVENT } from "../lab/lab-client";

/** `GET /api/demo/clock`: the server's auth clock. */
export interface DemoClockView {
  enabled: boolean;
  offsetMs: number;
  /** The auth clock's now (real time plus the offset), as the server computed it. */
  now: string;
  realNow: string;
}

/** While a page is open it re-reads the clock this often, so a change from another tab shows up too. */
const POLL_MS = 15_000;

/**
 * The demo clock as the server reports it, re-read after every lab refresh request, on focus and
 * every few seconds. Changes go through the lab client (so they appear in the request history)
 * and announce a refresh, so every pane and panel re-reads the state the new time implies.
 */
export function useDemoClock() {
  const [clock, setClock] = useState<DemoClockView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const res = await apiFetch<DemoClockView>("/api/demo/clock");
    if (res.ok) {
      setClock(res.data);
      setError(null);
    } else {
      setError(`${res.error.message} (${res.error.code})`);
    }
  }, []);

  useEffect(() => {
    const onChange = () => void reload();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") onChange();
    }, POLL_MS);
    onChange();
    window.addEventListener(LAB_REFRESH_EVENT, onChange);
    window.addEventListener("focus", onChange);
    return () => {
      clearInterval(timer);
      window.removeEventListener(LAB_REFRESH_EVENT, onChange);
      window.removeEventListener("focus", onChange);
    };
  }, [reload]);

  const change = useCallback(async (request: () => ReturnType<typeof lab.resetClock>) => {
    setBusy(true);
    const exchange = await request();
    setBusy(false);
    if (exchange.ok && exchange.body) {
      setClock(exchange.body as DemoClockView);
      setError(null);
    } else {
      const body = exchange.body as { error?: { message?: string } } | null;
      setError(`${body?.error?.message ?? "The clock could not be changed."} (${exchange.code ?? exchange.status})`);
    }
    // Every other view (header badge, panes, countdowns) re-reads what the new time means.
    announceRefresh();
  }, []);

  const advance = useCallback((seconds: number) => change(() => lab.advanceClock(seconds)), [change]);
  const reset = useCallback(() => change(() => lab.resetClock()), [change]);

  return { clock, error, busy, advance, reset };
}
