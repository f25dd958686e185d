/**
 * Remembers what a seal holds (the session token), for seals this process has already unsealed.
 *
 * Unsealing is pure crypto — two key derivations, an HMAC and AES-CBC, ~300 µs — and for one
 * exact seal string under one set of passwords its answer never changes. Everything that *can*
 * change (does the session still exist? is the user disabled? what is their role?) is looked up
 * in the store on every request whether or not the seal was cached, so logout and revocation still
 * take effect on the very next request, on every instance. A hit needs the byte-identical seal, so
 * a tampered or foreign cookie always goes through the full unseal (and fails there).
 *
 * Bounded (least recently used goes first) and per process; the seal's own expiry is honoured
 * exactly as iron-webcrypto checks it.
 */
export class SealCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAtMs: number | null }>();

  constructor(private readonly maxEntries = 5_000) {}

  /** What `seal` holds if this process unsealed exactly this seal before and it has not expired. */
  get(seal: string, nowMs: number = Date.now()): T | undefined {
    const entry = this.entries.get(seal);
    if (!entry) return undefined;
    if (entry.expiresAtMs !== null && entry.expiresAtMs <= nowMs - IRON_TIMESTAMP_SKEW_MS) {
      this.entries.delete(seal);
      return undefined;
    }
    // Re-insert: Map keeps insertion order, so the first key is always the least recently used.
    this.entries.delete(seal);
    this.entries.set(seal, entry);
    return entry.value;
  }

  /** Call only after a successful full unseal of `seal`. */
  set(seal: string, value: T): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(seal, { value, expiresAtMs: sealExpiresAtMs(seal) });
  }

  get size(): number {
    return this.entries.size;
  }
}

/** iron-webcrypto accepts a seal until 60 s after its expiration (`timestampSkewSec`); so does the cache. */
const IRON_TIMESTAMP_SKEW_MS = 60_000;

/**
 * The expiration iron wrote into a seal (`Fe26.2*id*salt*iv*data*<expiration>*hmacSalt*hmac`,
 * iron-session appending `~<version>`), or null when it has none.
 */
export function sealExpiresAtMs(seal: string): number | null {
  const expiration = seal.split("~")[0]?.split("*")[5];
  return expiration && /^\d+$/.test(expiration) ? Number(expiration) : null;
}
