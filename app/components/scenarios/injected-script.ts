"use client";

import type { ScriptFindings } from "@/lib/scenarios/xss-findings";

/**
 * What an XSS payload does once it runs in this page: it reads everything page scripts can read.
 * These are the real browser APIs, run for real — nothing is simulated.
 */
export function injectedScriptReads(): ScriptFindings {
  const entries: ScriptFindings["localStorage"] = [];
  for (let i = 0; i < window.localStorage.length; i++) {
    const key = window.localStorage.key(i);
    if (key !== null) entries.push({ key, value: window.localStorage.getItem(key) ?? "" });
  }
  return { documentCookie: document.cookie, localStorage: entries };
}

/**
 * The other thing a payload can do: wrap `fetch` and wait for the page's next request that carries
 * an Authorization header. A token kept only in memory is invisible at rest, but not in flight.
 */
export function interceptNextAuthorization(): { captured: Promise<string | null>; stop: () => void } {
  const original = window.fetch;
  let settle: (value: string | null) => void = () => undefined;
  const captured = new Promise<string | null>((resolve) => {
    settle = resolve;
  });
  const stop = () => {
    if (window.fetch === wrapped) window.fetch = original;
    settle(null);
  };
  const wrapped: typeof window.fetch = (input, init) => {
    const authorization = new Headers(init?.headers).get("authorization");
    if (authorization) {
      settle(authorization);
      stop();
    }
    return original(input, init);
  };
  window.fetch = wrapped;
  return { captured, stop };
}
