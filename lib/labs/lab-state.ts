import "server-only";
import { appEnv } from "../config/env";
import { StoreUnavailableError } from "../errors";
import { parseLabSettings, SETTINGS_CACHE_MS } from "../settings/settings";
import type { LabSettings } from "../settings/schema";
import { labStore } from "../stores/registry";
import { DEFAULT_LAB_ID } from "./lab-id";

/** What a request needs to know about its lab: who it is, its settings and clock, until when it lives. */
export interface LabState {
  id: string;
  isDefault: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  settings: LabSettings;
  /** When this instance read the above from the database (the trace says how fresh it is). */
  loadedAt: number;
}

/** A lab's idle deadline moves at most this often: a lab in use is not written on every request. */
const TOUCH_EVERY_MS = 60_000;
/** Labs whose state this instance keeps; the least recently used goes first. */
const MAX_CACHED_LABS = 10_000;

// On globalThis: the proxy's bundle and the route handlers' share one cache, so a write on this
// instance is seen by both at once; other instances see it within SETTINGS_CACHE_MS.
const shared = globalThis as typeof globalThis & { __authlabLabs?: Map<string, LabState | null>; __authlabMissingLabs?: Map<string, number> };
const cache = (shared.__authlabLabs ??= new Map());
/** When a lab was last found missing: a lab that does not exist is not looked up more than once a second either. */
const missingAt = (shared.__authlabMissingLabs ??= new Map());

function remember(id: string, state: LabState | null): void {
  if (cache.size >= MAX_CACHED_LABS && !cache.has(id)) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.delete(id);
  cache.set(id, state);
  if (state === null) missingAt.set(id, Date.now());
  else missingAt.delete(id);
}

/**
 * A lab's state, from this instance's cache when it is under a second old, else from the
 * database. null when the lab does not exist (never did, or expired and was deleted). With the
 * database unreachable, the last state read stays in force (like settings); a lab never read
 * before is a 503.
 */
export async function labState(id: string): Promise<LabState | null> {
  const now = Date.now();
  const cached = cache.get(id);
  if (cached && now - cached.loadedAt <= SETTINGS_CACHE_MS) return cached;
  if (cached === null && now - (missingAt.get(id) ?? 0) <= SETTINGS_CACHE_MS) return null;
  try {
    const row = await labStore().get(id);
    const state: LabState | null = row
      ? { id: row.id, isDefault: row.id === DEFAULT_LAB_ID, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, expiresAt: row.expiresAt, settings: parseLabSettings(row.settings), loadedAt: now }
      : null;
    remember(id, state);
    return state;
  } catch (error) {
    if (!(error instanceof StoreUnavailableError) || !cached) throw error;
    const stale = { ...cached, loadedAt: now };
    remember(id, stale);
    return stale;
  }
}

/** Replaces what this instance knows of a lab after it changed it (settings, clock): seen at once here. */
export function rememberLab(state: LabState): void {
  remember(state.id, { ...state, loadedAt: Date.now() });
}

/** Forgets a lab, so that the next `labState` reads it from the database (after a reset or a deletion). */
export function forgetLab(id: string): void {
  cache.delete(id);
  missingAt.delete(id);
}

/**
 * Keeps a lab in use alive: moves its idle deadline, at most once a minute per instance. A
 * failure here never fails the request it rides on (the lab just expires a minute sooner).
 */
export async function touchLab(state: LabState): Promise<void> {
  if (state.isDefault) return;
  const now = Date.now();
  if (now - state.lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
  const expiresAt = new Date(now + appEnv().labs.idleSeconds * 1000);
  const touched = { ...state, lastSeenAt: new Date(now), expiresAt };
  remember(state.id, touched);
  await labStore()
    .touch(state.id, touched.lastSeenAt, expiresAt)
    .catch((error: unknown) => {
      if (!(error instanceof StoreUnavailableError)) throw error;
    });
}
