import { countStoreQuery } from "../trace/context";
import { verdictFor } from "./denylist-verdict";
import type { DenylistEntryRecord, DenylistStore } from "./types";

export class MemoryDenylistStore implements DenylistStore {
  readonly kind = "memory" as const;
  private readonly entries = new Map<string, DenylistEntryRecord>();

  async add(entry: DenylistEntryRecord): Promise<void> {
    countStoreQuery();
    this.entries.set(entry.key, { ...entry });
  }

  async check(jti: string, sub: string, issuedAtMs: number, nowMs: number): Promise<"jti" | "sub" | null> {
    countStoreQuery();
    const rows = [this.entries.get(`jti:${jti}`), this.entries.get(`sub:${sub}`)].filter(
      (r): r is DenylistEntryRecord => r !== undefined && r.expiresAt.getTime() > nowMs,
    );
    return verdictFor(rows, issuedAtMs);
  }

  async list(nowMs: number): Promise<DenylistEntryRecord[]> {
    countStoreQuery();
    return [...this.entries.values()].filter((e) => e.expiresAt.getTime() > nowMs);
  }

  async clear(): Promise<void> {
    countStoreQuery();
    this.entries.clear();
  }
}
