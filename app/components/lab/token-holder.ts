"use client";

import type { JwtStorage as JwtStorageSetting } from "@/lib/settings/schema";

/**
 * Where the JWT pane keeps its access token when it is not in an HttpOnly cookie: page memory (gone
 * on reload, unreachable to other scripts only if they cannot reach this module) or localStorage
 * (readable by any script on this origin — what an XSS payload steals).
 */
export const LOCAL_STORAGE_KEY = "authlab.accessToken";

let inMemory: string | null = null;

export function readToken(storage: JwtStorageSetting): string | null {
  if (storage === "memory") return inMemory;
  if (storage === "localStorage") return window.localStorage.getItem(LOCAL_STORAGE_KEY);
  return null;
}

export function writeToken(storage: JwtStorageSetting, token: string | null): void {
  if (storage === "memory") inMemory = token;
  if (storage === "localStorage") {
    if (token) window.localStorage.setItem(LOCAL_STORAGE_KEY, token);
    else window.localStorage.removeItem(LOCAL_STORAGE_KEY);
  }
}

/** Forgets the token wherever it is held (logout, or a switch of storage). */
export function forgetToken(): void {
  inMemory = null;
  window.localStorage.removeItem(LOCAL_STORAGE_KEY);
}
