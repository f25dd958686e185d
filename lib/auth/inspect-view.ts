// What `GET /api/inspect` answers: the server builds it (lib/auth/inspect.ts) and the lab's
// inspectors read it (app/components/lab), both from these types, so the two cannot drift apart.
import type { CookieAttributes } from "./types";

export interface DecodedJwtView {
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  signature: string | null;
  /** The server's verdict with this request's clock and settings. */
  verification: { ok: true } | { ok: false; code: string; detail: string };
}

/** A cookie's attributes as set, with its lifetime in seconds under the lab's current settings. */
export type CookieAttributesView = Omit<CookieAttributes, "maxAge"> & { maxAgeSeconds: number };

export interface SessionRecordView {
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  userAgent: string | null;
  user: { email: string; role: string; disabled: boolean } | null;
}

export interface SessionCookieDecoded {
  bytes: number;
  sealPreview: string;
  unsealed: boolean;
  verdict: { ok: true } | { ok: false; code: string };
  sessionIdPrefix: string | null;
  record: SessionRecordView | null;
}

export interface InspectedCookie<D> {
  sent: boolean;
  attributes: CookieAttributesView;
  decoded: D | null;
}

export interface InspectReport {
  mode: "session" | "jwt";
  now: string;
  lab: { id: string; isDefault: boolean };
  clockToleranceSeconds: number;
  cookies: Record<string, InspectedCookie<SessionCookieDecoded | DecodedJwtView> | { sent: boolean; value: string | null }>;
  authorization: { scheme: "Bearer"; decoded: DecodedJwtView } | null;
}

export function isInspectedCookie<D>(value: unknown): value is InspectedCookie<D> {
  return typeof value === "object" && value !== null && "attributes" in value;
}
