import "server-only";
import { instanceIdentity } from "../config/instance";
import { sessionView } from "../auth/session-view";
import { services } from "../auth/services";
import type { AuthUser } from "../auth/types";
import type { Settings } from "../settings/schema";
import { labDenylistStore } from "../stores/store-fault";

const LIMIT = 50;

export type TokenStatus = "live" | "used" | "revoked" | "expired";

function tokenStatus(t: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: number): TokenStatus {
  if (t.revokedAt) return "revoked";
  if (t.usedAt) return "used";
  if (t.expiresAt.getTime() <= now) return "expired";
  return "live";
}

/**
 * What the server holds in one lab, for the lab's server-state panel: sessions, refresh families as
 * trees, the denylist and security events. An admin of the lab sees all of the lab; anyone else
 * only what belongs to the users their own credentials prove. Nothing of any other lab, ever.
 */
export async function serverState(labId: string, viewers: AuthUser[], now: number, settings: Settings) {
  const { sessionStores, users, refresh, events } = services();
  const sessionStore = sessionStores.active(settings);
  const denylist = labDenylistStore(services().denylist, settings);
  const isAdmin = viewers.some((v) => v.role === "admin");
  const ids = [...new Set(viewers.map((v) => v.id))];
  const emailOf = await users.emails(labId);

  const sessions = isAdmin ? await sessionStore.listAll(labId, LIMIT) : (await Promise.all(ids.map((id) => sessionStore.listByUser(labId, id)))).flat();
  const families = await refresh.listFamilies(labId, isAdmin ? null : ids, 20);
  // Anonymous events (a refused cross-site request carries no identity) are everyone's lesson.
  const recent = await events.list(labId, isAdmin ? null : ids, 30);
  const denied = await denylist.list(labId, now);

  return {
    scope: isAdmin ? "all" : "mine",
    viewers: viewers.map((v) => v.email),
    instance: { id: instanceIdentity().instanceId, startedAt: instanceIdentity().startedAt, sessionStore: sessionStore.kind, denylistStore: denylist.kind },
    sessions: sessions.map((s) => ({ ...sessionView(s, null), idPrefix: s.id.slice(0, 12), userEmail: emailOf.get(s.userId) ?? "(deleted)" })),
    families: families.map((f) => ({
      id: f.id,
      userEmail: emailOf.get(f.userId) ?? "(deleted)",
      createdAt: f.createdAt.toISOString(),
      absoluteExpiresAt: f.absoluteExpiresAt.toISOString(),
      revokedAt: f.revokedAt?.toISOString() ?? null,
      revokeReason: f.revokeReason,
      tokens: f.tokens.map((t) => ({
        id: t.id,
        parentId: t.parentId,
        hashPrefix: t.tokenHash.slice(0, 10),
        createdAt: t.createdAt.toISOString(),
        expiresAt: t.expiresAt.toISOString(),
        usedAt: t.usedAt?.toISOString() ?? null,
        revokedAt: t.revokedAt?.toISOString() ?? null,
        status: tokenStatus(t, now),
      })),
    })),
    denylist: denied
      .filter((d) => isAdmin || d.key.startsWith("jti:") || ids.some((id) => d.key === `sub:${id}`))
      .map((d) => ({
        kind: d.key.startsWith("jti:") ? "jti" : "sub",
        // A jti is only an id; a subject is shown as the email it stands for.
        target: d.key.startsWith("jti:") ? d.key.slice(4) : (emailOf.get(d.key.slice(4)) ?? "(deleted)"),
        expiresAt: d.expiresAt.toISOString(),
        notBefore: d.notBefore?.toISOString() ?? null,
      })),
    events: recent.map((e) => ({ id: e.id, at: e.at.toISOString(), kind: e.kind, userEmail: e.userId ? (emailOf.get(e.userId) ?? "(deleted)") : null, familyId: e.familyId, detail: e.detail })),
  };
}
