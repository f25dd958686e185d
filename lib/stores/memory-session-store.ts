import { countStoreQuery } from "../trace/context";
import type { SessionRecord, SessionStore } from "./types";

/**
 * Sessions in this process's memory. Fast, and gone on restart or on any other instance —
 * which is exactly what the lab uses it to show.
 */
export class MemorySessionStore implements SessionStore {
  readonly kind = "memory" as const;
  private readonly sessions = new Map<string, SessionRecord>();

  async create(record: SessionRecord): Promise<void> {
    countStoreQuery();
    this.sessions.set(record.id, { ...record });
  }

  async get(id: string): Promise<SessionRecord | null> {
    countStoreQuery();
    const found = this.sessions.get(id);
    return found ? { ...found } : null;
  }

  async touch(id: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void> {
    countStoreQuery();
    const found = this.sessions.get(id);
    if (found) this.sessions.set(id, { ...found, lastSeenAt, idleExpiresAt });
  }

  async delete(id: string): Promise<void> {
    countStoreQuery();
    this.sessions.delete(id);
  }

  async deleteByUser(userId: string, exceptId?: string): Promise<number> {
    countStoreQuery();
    let count = 0;
    for (const [id, s] of this.sessions) {
      if (s.userId === userId && id !== exceptId) {
        this.sessions.delete(id);
        count++;
      }
    }
    return count;
  }

  async listByUser(userId: string): Promise<SessionRecord[]> {
    countStoreQuery();
    return [...this.sessions.values()].filter((s) => s.userId === userId).sort(newestFirst).map((s) => ({ ...s }));
  }

  async listAll(limit: number): Promise<SessionRecord[]> {
    countStoreQuery();
    return [...this.sessions.values()].sort(newestFirst).slice(0, limit).map((s) => ({ ...s }));
  }

  async deleteAll(): Promise<void> {
    countStoreQuery();
    this.sessions.clear();
  }
}

function newestFirst(a: SessionRecord, b: SessionRecord): number {
  return b.createdAt.getTime() - a.createdAt.getTime();
}
