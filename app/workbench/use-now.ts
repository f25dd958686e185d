"use client";

import { useEffect, useState } from "react";

/** This device's clock, re-read every `intervalMs`, so "in 14 min" counts down while the page is open. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
