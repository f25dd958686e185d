"use client";

import { useEffect, useState } from "react";
import type { AuthClock } from "@/lib/workbench/auth-clock";
import { fetchAuthClock } from "./workbench-api";

const POLL_MS = 15_000;

/** AuthLab's demo clock while the page is open (re-read on focus and every 15 s, as the header badge does), or null. */
export function useAuthClock(): AuthClock | null {
  const [clock, setClock] = useState<AuthClock | null>(null);
  useEffect(() => {
    let alive = true;
    const reload = () => {
      void fetchAuthClock().then((next) => {
        if (alive) setClock(next);
      });
    };
    reload();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, POLL_MS);
    window.addEventListener("focus", reload);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener("focus", reload);
    };
  }, []);
  return clock;
}
