import "server-only";
import { randomToken } from "../crypto";

/**
 * "Copy the credential" for the lab's replay scenarios. The browser cannot read its own HttpOnly
 * cookies — that is the point of HttpOnly — so the server keeps a copy of what the browser sent,
 * under a random id, and replays it on request exactly as an attacker holding a copy would. Only
 * the holder of the cookies can create a capture, so this grants nothing they did not already have.
 */
export interface Capture {
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

export function getCapture(id: string): Capture | undefined {
  const found = captures.get(id);
  if (!found || Date.now() - found.createdAt > TTL_MS) return undefined;
  return found;
}

export function clearCaptures(): void {
  captures.clear();
}
