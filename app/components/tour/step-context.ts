"use client";

import type { Settings } from "@/lib/settings/schema";
import { DEMO_USERS } from "@/lib/users/demo-users";
import { formatDuration } from "@/lib/settings/durations";
import { apiFetch } from "../api-client";
import { lab, type LabAction, type LabExchange, type PaneMode } from "../lab/lab-client";
import { readToken } from "../lab/token-holder";
import { drivePane, pause } from "./pane-driver";
import { tourChanges } from "./tour-changes";

/**
 * How a note reads, from the defender's side: the learner's own requests are neutral (a refused one
 * can be the lesson), an attacker's replay that works is bad news, one that is refused good news.
 */
export type NoteTone = "request-ok" | "request-refused" | "attacker-in" | "attacker-blocked" | "info";

export interface TourNote {
  id: number;
  tone: NoteTone;
  text: string;
}

const PANE_NAME: Record<PaneMode | "lab", string> = { session: "Session", jwt: "JWT", lab: "Lab" };
const DEMO_ADMIN = DEMO_USERS.find((user) => user.role === "admin")!;

/** "401 SESSION_NOT_FOUND" or "200 · 1 store query", from what the server answered. */
export function outcome(exchange: LabExchange): string {
  const queries = exchange.trace ? ` · ${exchange.trace.storeQueries} store ${exchange.trace.storeQueries === 1 ? "query" : "queries"}` : "";
  return `${exchange.status}${exchange.code ? ` ${exchange.code}` : ""}${queries}`;
}

export class StepFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StepFailedError";
  }
}

/** What a tour step can do: press pane buttons, call the lab's instructor APIs, and say what happened. */
export class StepContext {
  constructor(private readonly onNote: (tone: NoteTone, text: string) => void) {}

  note(text: string, tone: NoteTone = "info"): void {
    this.onNote(tone, text);
  }

  /** Presses a pane's button and notes the answer. */
  async pane(pane: PaneMode, action: LabAction["action"]): Promise<LabExchange> {
    const exchange = await drivePane({ pane, action });
    this.note(`${PANE_NAME[pane]} pane · ${exchange.label} → ${outcome(exchange)}`, exchange.ok ? "request-ok" : "request-refused");
    return exchange;
  }

  /** Runs one lab request the panes have no button for, and notes it. */
  async lab<T>(request: () => Promise<LabExchange<T>>): Promise<LabExchange<T>> {
    const exchange = await request();
    this.note(`${PANE_NAME[exchange.pane]} · ${exchange.label} → ${outcome(exchange)}`, exchange.ok ? "request-ok" : "request-refused");
    await pause();
    return exchange;
  }

  async settings(): Promise<Settings> {
    const res = await apiFetch<{ settings: Settings }>("/api/settings");
    if (!res.ok) throw new StepFailedError(`Could not read the settings (${res.status} ${res.error.code}).`);
    return res.data.settings;
  }

  /**
   * Changes settings as the demo admin with a token held in memory only: the panes' credentials stay
   * as they are. The values it replaces are remembered, and put back when the tour moves on.
   */
  async changeSettings(patch: Partial<Settings>): Promise<Settings> {
    const before = await this.settings();
    const token = await this.lab(() => lab.adminToken(DEMO_ADMIN));
    const bearer = token.body?.accessToken;
    if (!bearer) throw new StepFailedError(`Could not sign in as the demo admin (${outcome(token)}). Reset the demo and try again.`);
    tourChanges.rememberSettings(before, patch, bearer);
    const changed = await this.lab(() => lab.patchSettings(patch, bearer));
    const settings = (changed.body as { settings?: Settings } | null)?.settings;
    if (!settings) throw new StepFailedError(`The server refused the settings change (${outcome(changed)}).`);
    return settings;
  }

  /** Moves the demo clock forward; where it was is remembered, and put back when the tour moves on. */
  async advanceClock(seconds: number): Promise<void> {
    const clock = await apiFetch<{ offsetMs: number }>("/api/demo/clock");
    if (!clock.ok) throw new StepFailedError(`Could not read the demo clock (${clock.status} ${clock.error.code}).`);
    tourChanges.rememberClock(clock.data.offsetMs);
    const moved = await this.lab(() => lab.advanceClock(seconds));
    if (!moved.ok) throw new StepFailedError(`The demo clock did not move (${outcome(moved)}).`);
  }

  /**
   * Copies the credentials this browser holds, as an attacker with a stolen cookie would. When the
   * JWT pane keeps its access token in memory or localStorage, that token travels as a Bearer header.
   */
  async capture(): Promise<{ id: string; session: boolean; access: boolean; refresh: boolean }> {
    const { jwtStorage } = await this.settings();
    const bearer = jwtStorage === "cookie" ? null : readToken(jwtStorage);
    const exchange = await this.lab(() => lab.capture("lab", bearer));
    const body = exchange.body as { captureId?: string; captured?: { session: boolean; access: boolean; refresh: boolean } } | null;
    if (!body?.captureId || !body.captured) throw new StepFailedError(`Could not copy the credentials (${outcome(exchange)}).`);
    return { id: body.captureId, ...body.captured };
  }

  /**
   * Replays a copy from outside the browser; returns the status and body the server gave the "attacker".
   * Drawn as the lab's request, not the pane's: the pane's user did not send it.
   */
  async replay(captureId: string, credential: "session" | "access" | "refresh"): Promise<{ status: number; code?: string; expiresAt?: string }> {
    const exchange = await lab.replay("lab", captureId, credential);
    const body = exchange.body as { status?: number; body?: { error?: { code?: string }; credential?: { expiresAt?: string } } } | null;
    if (!exchange.ok || typeof body?.status !== "number") throw new StepFailedError(`The replay did not run (${outcome(exchange)}).`);
    await pause();
    return { status: body.status, ...(body.body?.error?.code ? { code: body.body.error.code } : {}), ...(body.body?.credential?.expiresAt ? { expiresAt: body.body.credential.expiresAt } : {}) };
  }

  /** How long until `iso` on the server's auth clock. */
  async untilOnAuthClock(iso: string): Promise<string> {
    const res = await apiFetch<{ now: string }>("/api/demo/clock");
    if (!res.ok) return "an unknown time";
    return formatDuration((Date.parse(iso) - Date.parse(res.data.now)) / 1000);
  }
}
