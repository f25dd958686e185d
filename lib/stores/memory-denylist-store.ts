import { countStoreQuery } from "../trace/context";
import { verdictFor } from "./denylist-verdict";
import type { DenylistEntryRecord, DenylistStore } from "./types";

/** The denylist in this process's memory (tests), one map per lab. */
export class MemoryDenylistStore implements DenylistStore {
  readonly kind = "memory" as const;
  private readonly labs = new Map<string, Map<string, DenylistEntryRecord>>();

  async add(labId: string, entry: DenylistEntryRecord): Promise<void> {
    countStoreQuery();
    let entries = this.labs.get(labId);
    if (!entries) this.labs.set(labId, (entries = new Map()));
    entries.set(entry.key, { ...entry });
  }

  async check(labId: string, jti: string, sub: string, issuedAtMs: number, nowMs: number): Promise<"jti" | "sub" | null> {
    countStoreQuery();
    const entries = this.labs.get(labId);
    const rows = [entries?.get(`jti:${jti}`), entries?.get(`sub:${sub}`)].filter((r): r is DenylistEntryRecord => r !== undefined && r.expiresAt.getTime() > nowMs);
    return verdictFor(rows, issuedAtMs);
  }

  async list(labId: string, nowMs: number): Promise<DenylistEntryRecord[]> {
    countStoreQuery();
    return [...(this.labs.get(labId)?.values() ?? [])].filter((e) => e.expiresAt.getTime() > nowMs);
  }

  async clear(labId: string): Promise<void> {
    countStoreQuery();
    this.labs.delete(labId);
  }
}
