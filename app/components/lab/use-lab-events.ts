"use client";

import { useEffect, useRef, useState } from "react";
import { LAB_EVENT, LAB_REFRESH_EVENT, type LabExchange } from "./lab-client";

const HISTORY_LIMIT = 200;

/** Every request the lab made on this page, newest first. */
export function useExchanges(): [LabExchange[], () => void] {
  const [exchanges, setExchanges] = useState<LabExchange[]>([]);
  useEffect(() => {
    const onExchange = (event: Event) => {
      const detail = (event as CustomEvent<LabExchange>).detail;
      setExchanges((previous) => [detail, ...previous].slice(0, HISTORY_LIMIT));
    };
    window.addEventListener(LAB_EVENT, onExchange);
    return () => window.removeEventListener(LAB_EVENT, onExchange);
  }, []);
  return [exchanges, () => setExchanges([])];
}

/**
 * Calls `reload` once now, and again shortly after any lab request or refresh request (coalesced),
 * so views of server state follow every action, whoever made it.
 */
export function useReloadOnLabActivity(reload: () => void | Promise<void>, delayMs = 120): void {
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void latest.current(), delayMs);
    };
    void latest.current();
    window.addEventListener(LAB_EVENT, schedule);
    window.addEventListener(LAB_REFRESH_EVENT, schedule);
    return () => {
      if (timer) clearTimeout(timer);
      window.removeEventListener(LAB_EVENT, schedule);
      window.removeEventListener(LAB_REFRESH_EVENT, schedule);
    };
  }, [delayMs]);
}
