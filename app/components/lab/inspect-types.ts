/** The shape of `GET /api/inspect` and `GET /api/settings`, as the lab reads them. */
export interface DecodedJwtView {
  header: Record<string, unknown> | null;
  payload: Record<string, unknown> | null;
  signature: string | null;
  verification: { ok: true } | { ok: false; code: string; detail: string };
}

export interface CookieAttributesView {
  httpOnly: boolean;
  secure: boolean;
  sameSite: "strict" | "lax";
  path: string;
  maxAgeSeconds: number;
}

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
  clockToleranceSeconds: number;
  cookies: Record<string, InspectedCookie<SessionCookieDecoded | DecodedJwtView> | { sent: boolean; value: string | null }>;
  authorization: { scheme: "Bearer"; decoded: DecodedJwtView } | null;
}

export type JwtStorageSetting = "cookie" | "memory" | "localStorage";

export interface SettingsView {
  settings: {
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    refreshIdleSeconds: number;
    refreshGraceSeconds: number;
    sessionIdleSeconds: number;
    sessionAbsoluteSeconds: number;
    denylistEnabled: boolean;
    jwtStorage: JwtStorageSetting;
    demoClockOffsetMs: number;
  };
  server: { demoClockEnabled: boolean; insecureCookies: boolean; defaultMode: string; instanceId: string };
}

export function isInspectedCookie<D>(value: unknown): value is InspectedCookie<D> {
  return typeof value === "object" && value !== null && "attributes" in value;
}
