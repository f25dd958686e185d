import type { JWTPayload } from "jose";
import { LruCache } from "./lru-cache";

/**
 * Remembers access tokens whose signature and static claims (alg, kid, typ, iss, aud, required
 * claims) this process has already verified with the current key set.
 *
 * A signature check is pure: for one exact token and one key set its answer never changes. What
 * does change with time — `exp`, `nbf`, the `iat` age limit — is checked again on every hit with
 * the same rules and tolerance jose applies, and anything outside that window goes back through
 * the full `jwtVerify` (which then reports the precise failure). What changes with state — the
 * denylist — is looked up on every request regardless. So the cache removes crypto, never a check.
 *
 * One cache per key set object: when keys rotate (a new KeySet), nothing verified with the old
 * set is trusted. Bounded; the least recently used token goes first.
 */
export class VerifiedTokenCache<C extends JWTPayload> {
  private readonly byKeySet = new WeakMap<object, LruCache<C>>();

  constructor(
    private readonly timing: { clockToleranceSeconds: number; maxTokenAgeSeconds: number },
    private readonly maxEntries = 10_000,
  ) {}

  /** Claims of `token` if it was verified with `keySet` and is still inside its time window at `nowMs`. */
  get(keySet: object, token: string, nowMs: number): C | undefined {
    const claims = this.byKeySet.get(keySet)?.get(token);
    if (!claims || !this.inTimeWindow(claims, nowMs)) return undefined;
    return claims;
  }

  /** Call only after `jwtVerify` accepted `token` with `keySet`. */
  set(keySet: object, token: string, claims: C): void {
    let entries = this.byKeySet.get(keySet);
    if (!entries) {
      entries = new LruCache<C>(this.maxEntries);
      this.byKeySet.set(keySet, entries);
    }
    entries.set(token, claims);
  }

  /** jose's own time rules (jwt_claims_set.js): `now` in whole seconds, the same tolerance. */
  private inTimeWindow(claims: C, nowMs: number): boolean {
    const now = Math.floor(nowMs / 1000);
    const tolerance = this.timing.clockToleranceSeconds;
    const { exp, nbf, iat } = claims;
    if (typeof exp !== "number" || typeof iat !== "number") return false;
    if (nbf !== undefined && (typeof nbf !== "number" || nbf > now + tolerance)) return false;
    if (exp <= now - tolerance) return false;
    const age = now - iat;
    if (age - tolerance > this.timing.maxTokenAgeSeconds) return false;
    if (age < -tolerance) return false;
    return true;
  }
}
