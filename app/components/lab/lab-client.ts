"use client";

import type { InstanceInfo } from "@/lib/config/instance";
import type { Measurement } from "@/lib/lab/measure";
import type { PeerRelayResult } from "@/lib/lab/peer-relay";
import type { LabKeysAnswer } from "@/lib/labs/lab-signing-keys";
import type { StoreFaultView } from "@/lib/labs/lab-store-fault";
import type { MemoryRestartReport } from "@/lib/labs/memory-restart";
import type { StoreKind } from "@/lib/stores/types";
import type { TraceJSON } from "@/lib/trace/trace";

/**
 * The lab's one client for the app's own API. Every call returns what happened on the wire —
 * method, path, what credential travelled, status, error code, the server's trace and how long it
 * took — so panes, scenarios and the tour draw real requests, never simulated ones.
 */
export type PaneMode = "session" | "jwt";
export type { JwtStorage } from "@/lib/settings/schema";

export type { LabKeysAnswer } from "@/lib/labs/lab-signing-keys";
export type { StoreFaultView } from "@/lib/labs/lab-store-fault";

/** What POST /api/labs/current/memory-store/restart answers. */
export type MemoryRestartAnswer = MemoryRestartReport & { activeSessionStore: StoreKind; instanceId: string };

export interface LabExchange<T = unknown> {
  id: string;
  pane: PaneMode | "lab";
  label: string;
  method: string;
  path: string;
  /** What credential the browser sent, as far as the page can know (HttpOnly cookies are sent, not read). */
  sent: string;
  status: number;
  ok: boolean;
  code?: string;
  body: T | null;
  trace?: TraceJSON;
  /** For lab relays (replay, second service, other instance): what the relayed request itself got. */
  relayed?: { status: number; code?: string };
  durationMs: number;
  at: string;
}

export const LAB_EVENT = "authlab:exchange";
export const LAB_REFRESH_EVENT = "authlab:refresh";
export const LAB_ACTION_EVENT = "authlab:action";
export const LAB_IDENTITY_EVENT = "authlab:identity";

/** An action the tour or a scenario asks a pane to perform, as if its button were pressed. */
export interface LabAction {
  pane: PaneMode;
  action: "login-alice" | "login-admin" | "call-api" | "refresh" | "logout" | "logout-all";
}

/** Who a pane's credential proves right now, announced so the header can say who is signed in. */
export interface PaneIdentityAnnouncement {
  pane: PaneMode;
  identity: { email: string; role: string } | null;
}

let counter = 0;

function decodeTraceHeader(value: string | null): TraceJSON | undefined {
  if (!value) return undefined;
  try {
    const json = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
    return JSON.parse(json) as TraceJSON;
  } catch {
    return undefined;
  }
}

/** A relay route answers `{ status, body }` for the request it made on our behalf: that request's own outcome. */
function relayedAnswer(body: unknown): { status: number; code?: string; trace?: TraceJSON } | undefined {
  if (typeof body !== "object" || body === null || typeof (body as { status?: unknown }).status !== "number") return undefined;
  const outer = body as { status: number; trace?: TraceJSON | null; body?: { error?: { code?: string }; trace?: TraceJSON } | null };
  const inner = outer.body ?? null;
  const trace = outer.trace ?? inner?.trace;
  return { status: outer.status, ...(inner?.error?.code ? { code: inner.error.code } : {}), ...(trace ? { trace } : {}) };
}

/** Performs one request and announces it on `window` (LAB_EVENT) for the request-flow views. */
export async function labFetch<T = unknown>(
  pane: LabExchange["pane"],
  label: string,
  path: string,
  options: { method?: string; body?: unknown; bearer?: string | null; sent?: string; quiet?: boolean; relay?: boolean } = {},
): Promise<LabExchange<T>> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  const started = performance.now();
  let status = 0;
  let body: T | null = null;
  let trace: TraceJSON | undefined;
  try {
    const response = await fetch(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), credentials: "same-origin", cache: "no-store" });
    status = response.status;
    const text = await response.text();
    body = text ? (JSON.parse(text) as T) : null;
    trace = (body as { trace?: TraceJSON } | null)?.trace ?? decodeTraceHeader(response.headers.get("x-authlab-trace"));
  } catch {
    status = 0;
  }
  const code = (body as { error?: { code?: string } } | null)?.error?.code ?? (status === 0 ? "NETWORK_ERROR" : undefined);
  const relayed = options.relay ? relayedAnswer(body) : undefined;
  if (relayed?.trace) trace = relayed.trace;
  const exchange: LabExchange<T> = {
    id: `${Date.now()}-${++counter}`,
    pane,
    label,
    method,
    path,
    sent: options.sent ?? (options.bearer ? "Authorization: Bearer <access token>" : "cookies (sent by the browser)"),
    status,
    ok: status >= 200 && status < 300,
    ...(code ? { code } : {}),
    body,
    ...(trace ? { trace } : {}),
    ...(relayed ? { relayed: { status: relayed.status, ...(relayed.code ? { code: relayed.code } : {}) } } : {}),
    durationMs: Math.round(performance.now() - started),
    at: new Date().toISOString(),
  };
  // Quiet reads (the panels re-reading what they show after every action) are not requests a
  // learner made: they are not drawn, and they do not wake the panels up again (no feedback loop).
  if (!options.quiet) window.dispatchEvent(new CustomEvent<LabExchange>(LAB_EVENT, { detail: exchange as LabExchange }));
  return exchange;
}

/** Asks every pane and panel to re-read server state (after a scenario or tour step changed it). */
export function announceRefresh(): void {
  window.dispatchEvent(new Event(LAB_REFRESH_EVENT));
}

export function announceIdentity(announcement: PaneIdentityAnnouncement): void {
  window.dispatchEvent(new CustomEvent<PaneIdentityAnnouncement>(LAB_IDENTITY_EVENT, { detail: announcement }));
}

/** Asks a pane to perform one of its own actions (the tour's "do it" buttons). */
export function requestPaneAction(action: LabAction): void {
  window.dispatchEvent(new CustomEvent<LabAction>(LAB_ACTION_EVENT, { detail: action }));
}

export interface DemoUser {
  email: string;
  password: string;
  role: string;
}

/** How an admin action proves the admin: a bearer token the page holds, or the browser's own cookie of a mode. */
export type AdminCredential = { bearer: string } | { mode: "session" | "jwt" };

function adminPath(path: string, admin: AdminCredential): string {
  return "bearer" in admin ? path : `${path}?mode=${admin.mode}`;
}

function adminOptions(admin: AdminCredential): { bearer?: string; sent?: string } {
  return "bearer" in admin ? { bearer: admin.bearer } : { sent: `${admin.mode} cookie` };
}

export const lab = {
  me: (pane: PaneMode, bearer?: string | null) => labFetch(pane, "Call the protected API", `/api/me?mode=${pane}`, { bearer: bearer ?? null }),
  /** `refreshOnly`: JWT access token in the body only (the pane keeps it in memory or localStorage). */
  login: (pane: PaneMode, user: DemoUser, options: { refreshOnly?: boolean } = {}) =>
    labFetch<{ accessToken?: string }>(pane, `Log in as ${user.email}`, `/api/auth/${pane}/login${options.refreshOnly ? "?cookies=refresh-only" : ""}`, {
      method: "POST",
      body: { email: user.email, password: user.password },
      sent: "email + password (JSON body)",
    }),
  logout: (pane: PaneMode, bearer?: string | null) => labFetch(pane, "Log out", `/api/auth/${pane}/logout`, { method: "POST", bearer: bearer ?? null }),
  logoutAll: (pane: PaneMode, bearer?: string | null) => labFetch(pane, "Log out everywhere", `/api/auth/${pane}/logout-all`, { method: "POST", bearer: bearer ?? null }),
  /** An admin access token held in page memory only (no cookies touched): for instructor actions in scenarios. */
  adminToken: (admin: DemoUser) =>
    labFetch<{ accessToken: string }>("lab", `Get an admin token for ${admin.email} (no cookies)`, "/api/auth/jwt/login?cookies=none", { method: "POST", body: { email: admin.email, password: admin.password }, sent: "email + password (JSON body)" }),
  refresh: (options: { refreshOnly?: boolean } = {}) =>
    labFetch<{ accessToken?: string }>("jwt", "Refresh the access token", `/api/auth/jwt/refresh${options.refreshOnly ? "?cookies=refresh-only" : ""}`, {
      method: "POST",
      sent: "__Secure-refresh cookie (Path=/api/auth/jwt)",
    }),
  inspect: (pane: PaneMode, bearer?: string | null, options: { quiet?: boolean } = {}) =>
    labFetch(pane, "Inspect what the server receives", `/api/inspect?mode=${pane}`, { bearer: bearer ?? null, quiet: options.quiet ?? false }),
  capture: (pane: PaneMode | "lab", bearer?: string | null) => labFetch(pane, "Copy the credentials (server-side capture)", "/api/auth/jwt/capture", { method: "POST", bearer: bearer ?? null }),
  replay: (pane: PaneMode | "lab", captureId: string, credential: "session" | "access" | "refresh") =>
    labFetch(pane, `Replay the copied ${credential} credential`, "/api/lab/replay", { method: "POST", body: { captureId, credential }, sent: "nothing of yours: the server replays the copy", relay: true }),
  tamperSession: () => labFetch("session", "Flip one character of the session seal", "/api/lab/tamper-session", { method: "POST" }),
  state: (options: { quiet?: boolean } = {}) => labFetch("lab", "Read server state", "/api/lab/state", { quiet: options.quiet ?? false }),
  settings: (options: { quiet?: boolean } = {}) => labFetch("lab", "Read settings", "/api/settings", { quiet: options.quiet ?? false }),
  patchSettings: (patch: Record<string, unknown>, adminBearer: string) => labFetch("lab", "Change settings (admin)", "/api/settings", { method: "PATCH", body: patch, bearer: adminBearer }),
  /** Is each store (session, denylist, rate limit, database) reachable from this instance, and how fast? */
  storeHealth: () => labFetch("lab", "Check the stores", "/api/lab/health"),
  signingKeys: () => labFetch<LabKeysAnswer>("lab", "Read this lab's signing keys", "/api/labs/current/keys", { quiet: true }),
  /** Rotates the lab's signing key as its admin: a bearer token held by the page, or the browser's own cookie of `mode`. */
  rotateSigningKey: (admin: AdminCredential) =>
    labFetch<LabKeysAnswer>("lab", "Rotate this lab's signing key (admin)", adminPath("/api/labs/current/keys", admin), { method: "POST", ...adminOptions(admin) }),
  storeFault: () => labFetch<StoreFaultView>("lab", "Read this lab's outage switch", "/api/labs/current/store-fault", { quiet: true }),
  /** Turns this lab's outage switch on or off as its admin: a bearer token held by the page, or the browser's own cookie of `mode`. */
  setStoreFault: (on: boolean, admin: AdminCredential) =>
    labFetch<StoreFaultView>("lab", `Turn this lab's outage switch ${on ? "on" : "off"} (admin)`, adminPath("/api/labs/current/store-fault", admin), { method: "PUT", body: { on }, ...adminOptions(admin) }),
  /** Empties this lab's sessions in this process's memory, as a restart would (admin). */
  restartMemoryStore: (admin: AdminCredential) =>
    labFetch<MemoryRestartAnswer>("lab", "Restart the memory store (admin)", adminPath("/api/labs/current/memory-store/restart", admin), { method: "POST", ...adminOptions(admin) }),
  switchSessionStore: (store: "memory" | "database" | "redis", operatorToken: string) =>
    labFetch("lab", `Switch the session store to ${store} (the operator's, for every lab)`, "/api/operator/settings", { method: "PATCH", body: { sessionStore: store }, bearer: operatorToken, sent: "Authorization: Bearer <operator token>" }),
  clock: () => labFetch("lab", "Read the demo clock", "/api/demo/clock"),
  advanceClock: (seconds: number) => labFetch("lab", `Move the demo clock +${seconds} s`, "/api/demo/clock", { method: "POST", body: { advanceSeconds: seconds } }),
  resetClock: () => labFetch("lab", "Reset the demo clock", "/api/demo/clock", { method: "POST", body: { reset: true } }),
  resetDemo: () => labFetch("lab", "Reset this lab", "/api/demo/reset", { method: "POST" }),
  setMode: (mode: PaneMode) => labFetch("lab", `Make ${mode} the active mode`, "/api/mode", { method: "PUT", body: { mode } }),
  instance: (options: { quiet?: boolean } = {}) => labFetch<InstanceInfo>("lab", "Which instance is this?", "/api/lab/instance", { quiet: options.quiet ?? false }),
  otherInstance: (pane: PaneMode, target: string, bearer?: string | null) =>
    labFetch<PeerRelayResult>(pane, `Send my ${pane === "session" ? "session cookie" : "access token"} to ${target}`, "/api/lab/other-instance", {
      method: "POST",
      body: { target, credential: pane === "session" ? "session" : "access" },
      bearer: bearer ?? null,
      sent: "my own credential, relayed by this server to the other instance",
      relay: true,
    }),
  measure: () => labFetch<Measurement>("lab", "Measure each strategy (a few hundred real requests)", "/api/lab/measure", { method: "POST", sent: "nothing: the server logs in as the demo user itself" }),
};

