"use client";

import { LOCAL_STORAGE_KEY, readToken } from "../components/lab/token-holder";
import { fetchJwtStorage } from "./workbench-api";

/**
 * Taking the lab's JWT pane's token, where a page script can: from page memory or localStorage.
 * When the pane keeps it in an HttpOnly cookie this page cannot read it — and must not be able to:
 * that is what HttpOnly is for. There is deliberately no server route that would hand it over.
 */
export type PaneToken =
  | { kind: "token"; token: string; note: string }
  | { kind: "http-only" }
  | { kind: "absent"; message: string }
  | { kind: "unknown"; message: string };

export async function takePaneToken(): Promise<PaneToken> {
  const storage = await fetchJwtStorage();
  if (storage === null) return { kind: "unknown", message: "Could not read the lab's settings, so it is unknown where the JWT pane keeps its token." };
  if (storage === "cookie") return { kind: "http-only" };
  const token = readToken(storage);
  if (storage === "memory") {
    return token
      ? { kind: "token", token, note: "Taken from page memory: a JavaScript variable of this tab, which the lab's JWT pane filled. Any script running in this page could read it the same way." }
      : { kind: "absent", message: "The JWT pane keeps its token in page memory, and this tab has none: memory is wiped by a reload and only survives moving between AuthLab pages by their links. Log in on the lab's JWT pane, then come here with the header's link — or get a fresh token below." };
  }
  return token
    ? { kind: "token", token, note: `Read from localStorage (key “${LOCAL_STORAGE_KEY}”) — exactly what an injected script would do to steal it.` }
    : { kind: "absent", message: `The JWT pane keeps its token in localStorage, but there is none under “${LOCAL_STORAGE_KEY}”: log in on the lab's JWT pane first, or get a fresh token below.` };
}
