import "server-only";
import { randomToken } from "../crypto";

/**
 * "Copy the credential" for the lab's replay scenarios. The browser cannot read its own HttpOnly
 * cookies — that is the point of HttpOnly — so the server keeps a copy of what the browser sent,
 * under a random id, and replays it on request exactly as an attacker holding a copy would. Only
 * the holder of the cookies can create a capture, and a capture is replayed only in the lab that
 * made it, so this grants nothing they did not already have.
 */
export interface Capture {
  labId: string;
  session?: string;
  access?: string;
  refresh?: string;
  createdAt: number;
}

const TTL_MS = 60 * 60 * 1000;
const MAX_CAPTURES = 1000;

const shared = globalThis as typeof globalThis & { __authlabCaptures?: Map<string, Capture> };
const captures = (shared.__authlabCaptures ??= new Map<string, Capture>());

function prune(now: number): void {
  for (const [id, c] of captures) {
    if (now - c.createdAt > TTL_MS || captures.size > MAX_CAPTURES) captures.delete(id);
  }
}

export function saveCapture(capture: Omit<Capture, "createdAt">): string {
  const now = Date.now();
  prune(now);
  const id = randomToken(16);
  captures.set(id, { ...capture, createdAt: now });
  return id;
}

/** The capture `id` if it exists, is under an hour old and was made in `labId`. */
export function getCapture(labId: string, id: string): Capture | undefined {
  const found = captures.get(id);
  if (!found || found.labId !== labId || Date.now() - found.createdAt > TTL_MS) return undefined;
  return found;
}

/** Forgets every capture of a lab (its reset, deletion or expiry). */
export function forgetCaptures(labId: string): void {
  for (const [id, c] of captures) if (c.labId === labId) captures.delete(id);
}
