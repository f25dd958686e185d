/** The shape of `GET /api/lab/state`. */
export interface RefreshTokenView {
  id: string;
  parentId: string | null;
  hashPrefix: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
  status: "live" | "used" | "revoked" | "expired";
}

export interface FamilyView {
  id: string;
  userEmail: string;
  createdAt: string;
  absoluteExpiresAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  tokens: RefreshTokenView[];
}

export interface ServerStateView {
  now: string;
  scope: "all" | "mine";
  viewers: string[];
  instance: { id: string; startedAt: string; sessionStore: string; denylistStore: string };
  sessions: { idPrefix: string; userEmail: string; createdAt: string; lastSeenAt: string; idleExpiresAt: string; absoluteExpiresAt: string; userAgent?: string | null }[];
  families: FamilyView[];
  denylist: { kind: "jti" | "sub"; target: string; expiresAt: string; notBefore: string | null }[];
  events: { id: string; at: string; kind: string; userEmail: string | null; familyId: string | null; detail: unknown }[];
}
