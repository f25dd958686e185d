import "server-only";
import { bearerToken } from "../auth/bearer";
import { cookieNames } from "../auth/cookies";
import type { CredentialInput } from "../auth/types";
import { appEnv } from "../config/env";
import { ApiError } from "../errors";
import { labCookiePair } from "../labs/lab-cookie";
import type { TraceJSON } from "../trace/trace";

export type RelayedCredential = "session" | "access";

export interface PeerRelayResult {
  target: string;
  credential: RelayedCredential;
  /** What was sent, without the value. */
  request: { method: "GET"; path: string; sends: string };
  status: number;
  durationMs: number;
  body: unknown;
  /** The peer's own trace: which instance served it and what it did with the credential. */
  trace: TraceJSON | null;
}

const PEER_TIMEOUT_MS = 3_000;

/**
 * The configured peer (`PEER_URLS`) that `target` names, compared as an exact origin. Anything
 * else is refused: the lab may send a credential only where the operator said other instances run,
 * never to a URL a request supplies (no SSRF, no leaking the credential to a third party).
 */
export function configuredPeer(target: string): string | null {
  let origin: string;
  try {
    origin = new URL(target).origin;
  } catch {
    return null;
  }
  return appEnv().peerUrls.includes(origin) ? origin : null;
}

/** The credential of `kind` the caller sent us, ready to send on as the same header. */
function outgoingCredential(kind: RelayedCredential, input: CredentialInput): { headers: Record<string, string> & { cookie?: string }; sends: string } | null {
  const names = cookieNames();
  if (kind === "session") {
    const seal = input.cookies[names.session];
    return seal ? { headers: { cookie: `${names.session}=${seal}` }, sends: `Cookie: ${names.session}=…` } : null;
  }
  const token = bearerToken(input.authorization) ?? input.cookies[names.access];
  return token ? { headers: { authorization: `Bearer ${token}` }, sends: "Authorization: Bearer …" } : null;
}

/**
 * Sends the caller's own session cookie or access token to another instance's `/api/me` and
 * reports what that instance answered. The peer's Set-Cookie headers are dropped: a 401 there must
 * not clear anything in the caller's browser.
 */
export async function relayToPeer(target: string, kind: RelayedCredential, input: CredentialInput, labId: string): Promise<PeerRelayResult> {
  const peer = configuredPeer(target);
  if (!peer) {
    throw new ApiError("PEER_UNKNOWN", { details: { target, peers: appEnv().peerUrls } });
  }
  const credential = outgoingCredential(kind, input);
  if (!credential) {
    throw new ApiError("VALIDATION_FAILED", { message: `This browser holds no ${kind === "session" ? "session cookie" : "access token"} to send; log in first.` });
  }
  const path = `/api/me?mode=${kind === "session" ? "session" : "jwt"}`;
  // The peer must answer in the same lab: the lab cookie travels with the credential.
  const lab = labCookiePair(labId);
  const headers = lab ? { ...credential.headers, cookie: [credential.headers.cookie, lab].filter(Boolean).join("; ") } : credential.headers;
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(new URL(path, peer), { headers, redirect: "manual", signal: AbortSignal.timeout(PEER_TIMEOUT_MS) });
  } catch {
    throw new ApiError("PEER_UNAVAILABLE", { message: `The instance at ${peer} did not answer within ${PEER_TIMEOUT_MS} ms.`, headers: { "Retry-After": "5" } });
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page, say): shown as text.
  }
  const trace = typeof body === "object" && body !== null && "trace" in body ? ((body as { trace: TraceJSON }).trace ?? null) : null;
  return {
    target: peer,
    credential: kind,
    request: { method: "GET", path, sends: credential.sends },
    status: response.status,
    durationMs: Math.round(performance.now() - started),
    body,
    trace,
  };
}
