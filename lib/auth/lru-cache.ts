/**
 * A bounded map that forgets its least recently used entry first, and each entry at its own expiry
 * time. The one cache behind the seal cache (lib/auth/session-strategy.ts) and the verified-token
 * cache (lib/auth/verified-token-cache.ts): both remember pure crypto results, never a decision
 * that depends on state.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAtMs: number | null }>();

  constructor(private readonly maxEntries: number) {}

  /** The value stored under `key`, unless it expired by `nowMs`. A hit becomes the most recently used. */
  get(key: string, nowMs: number = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAtMs !== null && entry.expiresAtMs <= nowMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert: Map keeps insertion order, so the first key is always the least recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` until `expiresAtMs` (null: until it is the least recently used of a full cache). */
  set(key: string, value: V, expiresAtMs: number | null = null): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAtMs });
  }

  get size(): number {
    return this.entries.size;
  }
}
