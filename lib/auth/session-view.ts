import type { SessionRecord } from "../stores/types";

/** A session as the API shows it: the id is the token's SHA-256, useless to replay. */
export function sessionView(s: SessionRecord, currentId: string | null) {
  return {
    id: s.id,
    current: s.id === currentId,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    idleExpiresAt: s.idleExpiresAt.toISOString(),
    absoluteExpiresAt: s.absoluteExpiresAt.toISOString(),
    userAgent: s.userAgent,
  };
}
