"use client";

/**
 * The CSRF scenario's second window: a page of "another site" (this app under its other loopback
 * name). Pop-up blockers only allow a window opened during the click, so the runner opens it blank
 * and the scenario sends it where it needs to go.
 */
export const ATTACKER_WINDOW_NAME = "authlab-attacker";
export const PROBE_MESSAGE = "authlab:cross-site-probe";

export interface ProbeReport {
  type: typeof PROBE_MESSAGE;
  /** What happened to the attacker's fetch with an Authorization header. */
  bearerAttempt: { sent: boolean; outcome: string };
  /** What the attacker's own origin can see of this site's storage. */
  documentCookie: string;
  localStorageKeys: string[];
}

export function isProbeReport(value: unknown): value is ProbeReport {
  return value !== null && typeof value === "object" && (value as { type?: unknown }).type === PROBE_MESSAGE;
}

/**
 * Waits until the window lands back on this origin at `path` — which is where a forged form's
 * answer appears — and returns the text of that answer. While the window shows the other site,
 * reading its location throws (same-origin policy), which is how we know it is still there.
 */
export function waitForLanding(win: Window, path: string, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const started = Date.now();
    const timer = window.setInterval(() => {
      let text: string | null = null;
      try {
        if (win.location.origin === window.location.origin && win.location.pathname === path && win.document.readyState === "complete") {
          text = win.document.body?.innerText ?? "";
        }
      } catch {
        // Still on the other site.
      }
      if (text !== null || win.closed || Date.now() - started > timeoutMs) {
        window.clearInterval(timer);
        resolve(text);
      }
    }, 100);
  });
}

/** Waits for the attacker page's report, accepting it only from the expected origin. */
export function waitForProbe(fromOrigin: string, timeoutMs: number): Promise<ProbeReport | null> {
  return new Promise((resolve) => {
    const done = (report: ProbeReport | null) => {
      window.removeEventListener("message", onMessage);
      window.clearTimeout(timer);
      resolve(report);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin === fromOrigin && isProbeReport(event.data)) done(event.data);
    };
    const timer = window.setTimeout(() => done(null), timeoutMs);
    window.addEventListener("message", onMessage);
  });
}
