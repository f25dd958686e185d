import { countStoreQuery } from "../trace/context";
import type { SessionRecord, SessionStore } from "./types";

/**
 * Sessions in this process's memory, one map per lab. Fast, and gone on restart or on any other
 * instance — which is exactly what the lab uses it to show.
 */
export class MemorySessionStore implements SessionStore {
  readonly kind = "memory" as const;
  private readonly labs = new Map<string, Map<string, SessionRecord>>();

  private lab(labId: string): Map<string, SessionRecord> {
    let sessions = this.labs.get(labId);
    if (!sessions) {
      sessions = new Map();
      this.labs.set(labId, sessions);
    }
    return sessions;
  }

  async create(record: SessionRecord): Promise<void> {
    countStoreQuery();
    this.lab(record.labId).set(record.id, { ...record });
  }

  async get(labId: string, id: string): Promise<SessionRecord | null> {
    countStoreQuery();
    const found = this.labs.get(labId)?.get(id);
    return found ? { ...found } : null;
  }

  async touch(labId: string, id: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void> {
    countStoreQuery();
    const sessions = this.labs.get(labId);
    const found = sessions?.get(id);
    if (sessions && found) sessions.set(id, { ...found, lastSeenAt, idleExpiresAt });
  }

  async delete(labId: string, id: string): Promise<void> {
    countStoreQuery();
    this.labs.get(labId)?.delete(id);
  }

  async deleteByUser(labId: string, userId: string, exceptId?: string): Promise<number> {
    countStoreQuery();
    const sessions = this.labs.get(labId);
    let count = 0;
    for (const [id, s] of sessions ?? []) {
      if (s.userId === userId && id !== exceptId) {
        sessions?.delete(id);
        count++;
      }
    }
    return count;
  }

  async listByUser(labId: string, userId: string): Promise<SessionRecord[]> {
    countStoreQuery();
    return [...(this.labs.get(labId)?.values() ?? [])].filter((s) => s.userId === userId).sort(newestFirst).map((s) => ({ ...s }));
  }

  async listAll(labId: string, limit: number): Promise<SessionRecord[]> {
    countStoreQuery();
    return [...(this.labs.get(labId)?.values() ?? [])].sort(newestFirst).slice(0, limit).map((s) => ({ ...s }));
  }

  async trimLab(labId: string, keep: number): Promise<number> {
    countStoreQuery();
    const sessions = this.labs.get(labId);
    if (!sessions || sessions.size <= keep) return 0;
    const stale = [...sessions.values()].sort(newestFirst).slice(keep);
    for (const s of stale) sessions.delete(s.id);
    return stale.length;
  }

  async deleteLab(labId: string): Promise<void> {
    countStoreQuery();
    this.labs.delete(labId);
  }
}

function newestFirst(a: SessionRecord, b: SessionRecord): number {
  return b.createdAt.getTime() - a.createdAt.getTime();
}
