"use client";

import type { Settings } from "@/lib/settings/schema";
import { formatDuration } from "@/lib/settings/durations";
import { DEMO_USERS } from "@/lib/users/demo-users";
import { announceRefresh, lab } from "../lab/lab-client";

/**
 * What the tour changed on the server (a setting such as the denylist, the demo clock), with the
 * values from before, so that it can put them back when the step is left, the tour ends, or the
 * learner goes elsewhere. Kept in sessionStorage too: a tab that was closed before the clean-up
 * could run is cleaned up the next time the tour opens in it.
 */
interface Pending {
  /** The value each changed setting had before the tour first changed it. */
  settings: Partial<Settings>;
  /** The demo clock's offset before the tour first moved it. */
  clockOffsetMs?: number;
  /** The admin token the tour changed settings with: a page being closed has no time to get another. */
  adminToken?: string;
}

const STORAGE_KEY = "authlab.tourChanges";
const DEMO_ADMIN = DEMO_USERS.find((user) => user.role === "admin")!;

function load(): Pending {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Pending) : { settings: {} };
  } catch {
    // Unreadable or unavailable storage: nothing is known to be pending.
    return { settings: {} };
  }
}

function save(pending: Pending): void {
  try {
    if (isEmpty(pending)) window.sessionStorage.removeItem(STORAGE_KEY);
    else window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(pending));
  } catch {
    // Storage full or disabled: the in-memory record still cleans up while the page lives.
  }
}

function isEmpty(pending: Pending): boolean {
  return Object.keys(pending.settings).length === 0 && pending.clockOffsetMs === undefined;
}

/** "the denylist is off again", "the access token lifetime is 15 min again". */
function describeSetting(key: keyof Settings, value: unknown): string {
  if (key === "denylistEnabled") return `the denylist is ${value ? "on" : "off"} again`;
  if (key === "jwtStorage") return `the JWT pane keeps its token in ${String(value)} again`;
  if (typeof value === "number" && key.endsWith("Seconds")) return `${key.replace(/Seconds$/, "").replace(/([A-Z])/g, " $1").toLowerCase()} is ${formatDuration(value)} again`;
  return `${key} is ${String(value)} again`;
}

export class TourChanges {
  private pending: Pending = { settings: {} };
  private loaded = false;

  private state(): Pending {
    if (!this.loaded) {
      this.pending = load();
      this.loaded = true;
    }
    return this.pending;
  }

  /** Records the values `patch` is about to replace; a value already recorded (the original) is kept. */
  rememberSettings(before: Settings, patch: Partial<Settings>, adminToken: string): void {
    const pending = this.state();
    for (const key of Object.keys(patch) as (keyof Settings)[]) {
      if (!(key in pending.settings)) (pending.settings as Record<string, unknown>)[key] = before[key];
    }
    pending.adminToken = adminToken;
    save(pending);
  }

  rememberClock(beforeOffsetMs: number): void {
    const pending = this.state();
    pending.clockOffsetMs ??= beforeOffsetMs;
    save(pending);
  }

  /** The demo reset put everything back already. */
  forget(): void {
    this.pending = { settings: {} };
    this.loaded = true;
    save(this.pending);
  }

  hasChanges(): boolean {
    return !isEmpty(this.state());
  }

  /**
   * Puts back what the tour changed and says what, in words. Requests go through the lab client, so
   * the request history shows them as the lab's.
   */
  async undo(): Promise<string[]> {
    const pending = this.state();
    if (isEmpty(pending)) return [];
    this.forget();
    const done: string[] = [];
    if (pending.clockOffsetMs !== undefined) {
      const reset = await lab.resetClock();
      if (reset.ok && pending.clockOffsetMs > 0) await lab.advanceClock(Math.round(pending.clockOffsetMs / 1000));
      done.push(reset.ok ? (pending.clockOffsetMs > 0 ? `the demo clock is ${formatDuration(pending.clockOffsetMs / 1000)} ahead again` : "the demo clock is back on real time") : `the demo clock could not be put back (${reset.code ?? reset.status})`);
    }
    const keys = Object.keys(pending.settings) as (keyof Settings)[];
    if (keys.length > 0) {
      // A fresh token: the one the change was made with may have expired since (or on the moved clock).
      const token = await lab.adminToken(DEMO_ADMIN);
      const bearer = token.body?.accessToken;
      const restored = bearer ? await lab.patchSettings(pending.settings, bearer) : null;
      if (restored?.ok) done.push(...keys.map((key) => describeSetting(key, pending.settings[key])));
      else done.push(`the settings could not be put back (${restored?.code ?? token.code ?? token.status}): reset them on the instructor page`);
    }
    announceRefresh();
    return done;
  }

  /**
   * The page is going away (closed, reloaded, a link out): no time for a round trip, so the restoring
   * requests are sent with `keepalive`, which lets them finish after the page is gone.
   */
  undoAsPageLeaves(): void {
    const pending = this.state();
    if (isEmpty(pending)) return;
    this.forget();
    const send = (path: string, method: string, body: unknown, bearer?: string) =>
      void fetch(path, {
        method,
        keepalive: true,
        credentials: "same-origin",
        headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify(body),
      }).catch(() => undefined);
    // Only a clock that was on real time can be restored in one request (no chance to wait for a second).
    if (pending.clockOffsetMs === 0) send("/api/demo/clock", "POST", { reset: true });
    if (Object.keys(pending.settings).length > 0 && pending.adminToken) send("/api/settings", "PATCH", pending.settings, pending.adminToken);
  }
}

/** One tour per page: its steps, its denylist switch and its clean-up share this record. */
export const tourChanges = new TourChanges();
