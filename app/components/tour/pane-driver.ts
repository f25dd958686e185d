"use client";

import { LAB_EVENT, requestPaneAction, type LabAction, type LabExchange } from "../lab/lab-client";

/** The label of the request each pane action makes (the lab client's labels), to recognise its answer. */
const ACTION_LABEL: Record<LabAction["action"], (label: string) => boolean> = {
  "login-alice": (label) => label.startsWith("Log in as"),
  "login-admin": (label) => label.startsWith("Log in as"),
  "call-api": (label) => label === "Call the protected API",
  refresh: (label) => label === "Refresh the access token",
  logout: (label) => label === "Log out",
  "logout-all": (label) => label === "Log out everywhere",
};

const PANE_TIMEOUT_MS = 15_000;
/** A beat between actions, so that a class can follow each pane as it acts. */
export const PACE_MS = 350;

export class PaneNotAnsweringError extends Error {
  constructor(action: LabAction) {
    super(`The ${action.pane === "session" ? "Session" : "JWT"} pane did not perform "${action.action}". Is the lab shown below?`);
    this.name = "PaneNotAnsweringError";
  }
}

export function pause(ms = PACE_MS): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Asks a pane to press one of its own buttons and resolves with the request that pane made, as
 * the lab client announced it. The pane does the work, so the class sees it happen in the pane.
 */
export function drivePane(action: LabAction): Promise<LabExchange> {
  return new Promise((resolve, reject) => {
    const matches = ACTION_LABEL[action.action];
    const onExchange = (event: Event) => {
      const exchange = (event as CustomEvent<LabExchange>).detail;
      if (exchange.pane !== action.pane || !matches(exchange.label)) return;
      cleanup();
      // Let the pane finish handling its own answer (store a token, re-render) before the next action.
      void pause().then(() => resolve(exchange));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new PaneNotAnsweringError(action));
    }, PANE_TIMEOUT_MS);
    function cleanup() {
      clearTimeout(timer);
      window.removeEventListener(LAB_EVENT, onExchange);
    }
    window.addEventListener(LAB_EVENT, onExchange);
    requestPaneAction(action);
  });
}
