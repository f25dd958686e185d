import "server-only";
import { verdictFor } from "./denylist-verdict";
import type { RedisBackend } from "./redis-backend";
import { RedisScript } from "./redis-script";
import type { DenylistEntryRecord, DenylistStore } from "./types";

/**
 * The JWT denylist in Redis, keyed by lab. `deny:<labId>:<key>` (`…:jti:…`, `…:sub:…`) holds
 * `<expiresAtMs>:<notBeforeMs or empty>` and expires with the entry (an entry is useless once the
 * token it names would be expired anyway); `denylist:<labId>` indexes the lab's keys by expiry for
 * its list. `check` is one MGET of the two keys a token can be revoked by: one round trip per request.
 */
export class RedisDenylistStore implements DenylistStore {
  readonly kind = "redis" as const;
  constructor(private readonly redis: RedisBackend) {}

  add(labId: string, entry: DenylistEntryRecord): Promise<void> {
    const value = `${entry.expiresAt.getTime()}:${entry.notBefore?.getTime() ?? ""}`;
    return this.redis.run(async (client) => {
      await ADD.run(client, [this.entryKey(labId, entry.key), this.indexKey(labId)], [entry.key, value, entry.expiresAt.getTime(), Date.now()]);
    });
  }

  check(labId: string, jti: string, sub: string, issuedAtMs: number, nowMs: number): Promise<"jti" | "sub" | null> {
    const keys = [`jti:${jti}`, `sub:${sub}`];
    return this.redis.run(async (client) => {
      const values = await client.mget(keys.map((k) => this.entryKey(labId, k)));
      const rows = keys.flatMap((key, i) => {
        const entry = parseEntry(key, values[i] ?? null);
        return entry && entry.expiresAt.getTime() > nowMs ? [entry] : [];
      });
      return verdictFor(rows, issuedAtMs);
    });
  }

  list(labId: string, nowMs: number): Promise<DenylistEntryRecord[]> {
    return this.redis.run(async (client) => {
      const reply = await LIST.run(client, [this.indexKey(labId)], [this.entryKey(labId, ""), nowMs]);
      if (!Array.isArray(reply)) return [];
      const entries: DenylistEntryRecord[] = [];
      for (let i = 0; i + 1 < reply.length; i += 2) {
        const entry = parseEntry(String(reply[i]), String(reply[i + 1]));
        if (entry) entries.push(entry);
      }
      return entries;
    });
  }

  clear(labId: string): Promise<void> {
    return this.redis.run(async (client) => {
      await CLEAR.run(client, [this.indexKey(labId)], [this.entryKey(labId, "")]);
    });
  }

  private entryKey(labId: string, key: string): string {
    return this.redis.key(`deny:${labId}:${key}`);
  }

  private indexKey(labId: string): string {
    return this.redis.key(`denylist:${labId}`);
  }
}

/** Up to this many live entries are listed, latest expiry first (like the database store's 200). */
const LIST_LIMIT = 200;

/** KEYS: entry, index · ARGV: key, value, expiresAtMs, realNowMs (to drop index entries Redis already expired) */
const ADD = new RedisScript(`
redis.call('SET', KEYS[1], ARGV[2], 'PXAT', ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
return 1
`);

/** KEYS: index · ARGV: entryPrefix, nowMs → {key, value, …} of entries expiring after now */
const LIST = new RedisScript(`
local out = {}
for _, key in ipairs(redis.call('ZREVRANGEBYSCORE', KEYS[1], '+inf', '(' .. ARGV[2], 'LIMIT', 0, ${LIST_LIMIT})) do
  local value = redis.call('GET', ARGV[1] .. key)
  if value then
    out[#out + 1] = key
    out[#out + 1] = value
  else
    redis.call('ZREM', KEYS[1], key)
  end
end
return out
`);

/** KEYS: index · ARGV: entryPrefix */
const CLEAR = new RedisScript(`
for _, key in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do redis.call('DEL', ARGV[1] .. key) end
redis.call('DEL', KEYS[1])
return 1
`);

function parseEntry(key: string, value: string | null): DenylistEntryRecord | null {
  const match = value ? /^(\d+):(\d*)$/.exec(value) : null;
  if (!match) return null;
  return { key, expiresAt: new Date(Number(match[1])), notBefore: match[2] ? new Date(Number(match[2])) : null };
}
