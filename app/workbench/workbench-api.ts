"use client";

import type { TraceJSON } from "@/lib/trace/trace";
import { LAB_HEADER } from "@/lib/labs/lab-id";
import type { JwtStorage } from "@/lib/settings/schema";
import { DEMO_USERS } from "@/lib/users/demo-users";
import { readAuthClock, type AuthClock } from "@/lib/workbench/auth-clock";
import { JWKS_PATH } from "@/lib/workbench/authlab-profile";
import { isJsonObject } from "@/lib/workbench/json";

/**
 * The page's lab, as the server rendered it (the lab cookie's signed value). Set while the
 * workbench renders, before any of its effects fetch.
 */
let labToken: string | null = null;

export function setWorkbenchLab(token: string | null): void {
  labToken = token;
}

/**
 * Every request the workbench makes, in one file, so that what the page promises ("your secret
 * never leaves the browser") can be checked by reading it: fixed same-origin paths, and none of
 * them carries a key. None sends cookies either (credentials: "omit"), so each answer depends only
 * on what is shown being sent; the X-AuthLab-Lab header says which lab (whose clock, settings and
 * users) the request is about, and proves nobody's identity.
 */
async function getJson(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  try {
    const headers = new Headers(init.headers);
    if (labToken) headers.set(LAB_HEADER, labToken);
    const response = await fetch(path, { credentials: "omit", cache: "no-store", ...init, headers });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    return { status: response.status, body };
  } catch {
    return { status: 0, body: null };
  }
}

function errorOf(body: unknown): { code: string | null; message: string | null } {
  const error = isJsonObject(body) && isJsonObject(body.error) ? body.error : null;
  return { code: typeof error?.code === "string" ? error.code : null, message: typeof error?.message === "string" ? error.message : null };
}

/** GET /api/demo/clock: the auth clock the server judges exp by, or null when there is no demo clock. */
export async function fetchAuthClock(): Promise<AuthClock | null> {
  const { status, body } = await getJson("/api/demo/clock");
  return readAuthClock(status, body, Date.now());
}

/** GET /api/settings (readable by anyone): where the lab's JWT pane keeps its access token. */
export async function fetchJwtStorage(): Promise<JwtStorage | null> {
  const { status, body } = await getJson("/api/settings");
  const storage = status === 200 && isJsonObject(body) && isJsonObject(body.settings) ? body.settings.jwtStorage : null;
  return storage === "cookie" || storage === "memory" || storage === "localStorage" ? storage : null;
}

export type FreshToken = { ok: true; token: string } | { ok: false; message: string };

/** POST /api/auth/jwt/login?cookies=none as the demo user alice: the token comes in the body only, no cookie is set. */
export async function fetchFreshAliceToken(): Promise<FreshToken> {
  const alice = DEMO_USERS[0];
  const { status, body } = await getJson("/api/auth/jwt/login?cookies=none", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: alice.email, password: alice.password }),
  });
  if (status === 200 && isJsonObject(body) && typeof body.accessToken === "string") return { ok: true, token: body.accessToken };
  const { code, message } = errorOf(body);
  return { ok: false, message: status === 0 ? "The server could not be reached." : `The login was refused: ${status}${code ? ` ${code}` : ""}${message ? ` — ${message}` : ""}.` };
}

export type JwksAnswer = { ok: true; jwks: unknown } | { ok: false; message: string };

/** GET /.well-known/jwks.json on this server only: the page never fetches a key set from a URL someone typed. */
/** This lab's JWKS (the server's keys, and the lab's own once it rotated), or the server's without a lab. */
export function ownJwksPath(): string {
  const labId = labToken?.split(".")[0];
  return labId ? `/api/labs/${labId}/jwks.json` : JWKS_PATH;
}

export async function fetchOwnJwks(): Promise<JwksAnswer> {
  const { status, body } = await getJson(ownJwksPath());
  if (status === 200 && isJsonObject(body)) return { ok: true, jwks: body };
  return { ok: false, message: status === 0 ? "The server could not be reached." : `The server answered ${status} instead of a key set.` };
}

export interface ServerVerdict {
  status: number;
  code: string | null;
  message: string | null;
  /** Who the server says the token is, when it accepted it. */
  user: { email: string; role: string } | null;
  trace: TraceJSON | null;
}

function asTrace(value: unknown): TraceJSON | null {
  // Only what TraceView reads is checked: an answer from a proxy or an error page must not break the page.
  if (!isJsonObject(value) || !Array.isArray(value.steps) || !isJsonObject(value.verdict) || typeof value.mode !== "string" || typeof value.instanceStartedAt !== "string") return null;
  return value as unknown as TraceJSON;
}

/**
 * GET /api/me?mode=jwt with the token as `Authorization: Bearer`, and no cookies: the server's
 * verdict is about this token alone, not about a cookie the browser would otherwise attach.
 */
export async function sendToAuthLab(token: string): Promise<ServerVerdict> {
  const { status, body } = await getJson("/api/me?mode=jwt", { headers: { authorization: `Bearer ${token}` } });
  const { code, message } = errorOf(body);
  const user = isJsonObject(body) && isJsonObject(body.user) && typeof body.user.email === "string" && typeof body.user.role === "string" ? { email: body.user.email, role: body.user.role } : null;
  return { status, code: code ?? (status === 0 ? "NETWORK_ERROR" : null), message, user, trace: isJsonObject(body) ? asTrace(body.trace) : null };
}
