import "server-only";
import type { Db } from "../db/client";
import { storeOp } from "./store-errors";

export interface AuthEventRecord {
  id: string;
  at: Date;
  kind: string;
  userId: string | null;
  familyId: string | null;
  detail: Record<string, unknown>;
}

/** Events kept per lab: the newest this many; older ones go when a new one is recorded. */
export const EVENTS_PER_LAB = 200;

/** Security events of each lab (refresh reuse, revocations, refused cross-site requests), in the database. */
export class EventStore {
  constructor(private readonly db: Db) {}

  /**
   * Records an event. With `keepOfKind`, the lab keeps at most that many events of this kind (the
   * oldest of them go) and no other event is removed for it: for events a request can name a lab
   * for (a refused cross-site request), so that however many arrive they never push out the lab's
   * own. Either way the lab's events stay bounded (EVENTS_PER_LAB, plus at most `keepOfKind`).
   */
  record(
    labId: string,
    event: { at: Date; kind: string; userId?: string | null; familyId?: string | null; detail?: Record<string, unknown> },
    options: { keepOfKind?: number } = {},
  ): Promise<void> {
    return storeOp("database", async () => {
      await this.db.authEvent.create({ data: { labId, at: event.at, kind: event.kind, userId: event.userId ?? null, familyId: event.familyId ?? null, detail: JSON.stringify(event.detail ?? {}) } });
      // Bounded per lab: a lab that records events forever keeps only the newest.
      const capped = options.keepOfKind !== undefined;
      const stale = await this.db.authEvent.findMany({
        where: capped ? { labId, kind: event.kind } : { labId },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        skip: capped ? Math.max(0, options.keepOfKind ?? 0) : EVENTS_PER_LAB,
        select: { id: true },
      });
      if (stale.length > 0) await this.db.authEvent.deleteMany({ where: { id: { in: stale.map((e) => e.id) } } });
    });
  }

  /** The lab's newest events; `userIds` keeps those users' events and the anonymous ones (a refused cross-site request). */
  list(labId: string, userIds: string[] | null, limit: number): Promise<AuthEventRecord[]> {
    return storeOp("database", async () => {
      const rows = await this.db.authEvent.findMany({
        where: userIds ? { labId, OR: [{ userId: { in: userIds } }, { userId: null }] } : { labId },
        orderBy: { at: "desc" },
        take: limit,
      });
      return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, userId: r.userId, familyId: r.familyId, detail: parseDetail(r.detail) }));
    });
  }
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
