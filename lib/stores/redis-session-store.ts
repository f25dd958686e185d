import "server-only";
import type { RedisBackend } from "./redis-backend";
import { RedisScript } from "./redis-script";
import type { SessionRecord, SessionStore } from "./types";

/**
 * Sessions in Redis, keyed by lab. Layout (every key under the backend's prefix, `authlab:` by default):
 * - `session:<labId>:<id>`: a hash holding the record, expiring (PEXPIREAT) when the session does,
 *   so Redis forgets dead sessions by itself; `touch` moves the expiry with the idle timeout;
 * - `user-sessions:<labId>:<userId>`: a sorted set of that user's session ids by creation time
 *   (`listByUser`, `deleteByUser`), expiring with the user's last absolute deadline;
 * - `lab-sessions:<labId>`: a sorted set of the lab's session ids by creation time (`listAll`, `trimLab`).
 * Ids of expired sessions are dropped from the sets when a listing meets them.
 *
 * Every operation is one round trip (a single command or one Lua script, atomic). The scripts
 * build some key names from the prefix, so this targets one Redis server, not Redis Cluster.
 * Needs Redis ≥ 7 (PEXPIRETIME).
 */
export class RedisSessionStore implements SessionStore {
  readonly kind = "redis" as const;
  constructor(private readonly redis: RedisBackend) {}

  create(record: SessionRecord): Promise<void> {
    const k = this.keys(record.labId);
    return this.redis.run(async (client) => {
      await CREATE.run(
        client,
        [k.session(record.id), k.all, k.user(record.userId)],
        [
          record.id,
          record.userId,
          record.createdAt.getTime(),
          record.lastSeenAt.getTime(),
          record.idleExpiresAt.getTime(),
          record.absoluteExpiresAt.getTime(),
          record.userAgent ?? "",
          record.userAgent === null ? 0 : 1,
          // Nothing can live longer than the longest absolute lifetime (30 days): older index entries are stale.
          record.createdAt.getTime() - PRUNE_AFTER_MS,
        ],
      );
    });
  }

  get(labId: string, id: string): Promise<SessionRecord | null> {
    return this.redis.run(async (client) => parseRecord(labId, id, await client.hgetall(this.keys(labId).session(id))));
  }

  touch(labId: string, id: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void> {
    return this.redis.run(async (client) => {
      await TOUCH.run(client, [this.keys(labId).session(id)], [lastSeenAt.getTime(), idleExpiresAt.getTime()]);
    });
  }

  delete(labId: string, id: string): Promise<void> {
    const k = this.keys(labId);
    return this.redis.run(async (client) => {
      await DELETE.run(client, [k.session(id), k.all], [id, k.userPrefix]);
    });
  }

  deleteByUser(labId: string, userId: string, exceptId?: string): Promise<number> {
    const k = this.keys(labId);
    return this.redis.run(async (client) => Number(await DELETE_BY_USER.run(client, [k.user(userId), k.all], [k.sessionPrefix, exceptId ?? ""])));
  }

  listByUser(labId: string, userId: string): Promise<SessionRecord[]> {
    const k = this.keys(labId);
    return this.redis.run(async (client) => parseList(labId, await LIST.run(client, [k.user(userId)], [k.sessionPrefix, -1])));
  }

  listAll(labId: string, limit: number): Promise<SessionRecord[]> {
    const k = this.keys(labId);
    return this.redis.run(async (client) => parseList(labId, await LIST.run(client, [k.all], [k.sessionPrefix, limit])));
  }

  trimLab(labId: string, keep: number): Promise<number> {
    const k = this.keys(labId);
    return this.redis.run(async (client) => Number(await TRIM.run(client, [k.all], [k.sessionPrefix, k.userPrefix, keep])));
  }

  deleteLab(labId: string): Promise<void> {
    const k = this.keys(labId);
    return this.redis.run(async (client) => {
      for (const pattern of [`${globEscape(k.sessionPrefix)}*`, `${globEscape(k.userPrefix)}*`]) {
        let cursor = "0";
        do {
          const [next, found] = await client.scan(cursor, "MATCH", pattern, "COUNT", 1000);
          if (found.length > 0) await client.unlink(...found);
          cursor = next;
        } while (cursor !== "0");
      }
      await client.unlink(k.all);
    });
  }

  private keys(labId: string) {
    const sessionPrefix = this.redis.key(`session:${labId}:`);
    const userPrefix = this.redis.key(`user-sessions:${labId}:`);
    return {
      sessionPrefix,
      userPrefix,
      all: this.redis.key(`lab-sessions:${labId}`),
      session: (id: string) => `${sessionPrefix}${id}`,
      user: (userId: string) => `${userPrefix}${userId}`,
    };
  }
}

const PRUNE_AFTER_MS = 31 * 86_400_000;

/** KEYS: session, all, user · ARGV: id, userId, created, lastSeen, idleExp, absExp, ua, hasUa, pruneBefore */
const CREATE = new RedisScript(`
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'u', ARGV[2], 'c', ARGV[3], 's', ARGV[4], 'i', ARGV[5], 'a', ARGV[6])
if ARGV[8] == '1' then redis.call('HSET', KEYS[1], 'ua', ARGV[7]) end
redis.call('PEXPIREAT', KEYS[1], math.min(tonumber(ARGV[5]), tonumber(ARGV[6])))
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[9])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
local expires = redis.call('PEXPIRETIME', KEYS[3])
if expires < tonumber(ARGV[6]) then redis.call('PEXPIREAT', KEYS[3], ARGV[6]) end
return 1
`);

/** KEYS: session · ARGV: lastSeen, idleExp. A session that is gone stays gone (no resurrection). */
const TOUCH = new RedisScript(`
local absolute = redis.call('HGET', KEYS[1], 'a')
if not absolute then return 0 end
redis.call('HSET', KEYS[1], 's', ARGV[1], 'i', ARGV[2])
redis.call('PEXPIREAT', KEYS[1], math.min(tonumber(ARGV[2]), tonumber(absolute)))
return 1
`);

/** KEYS: session, all · ARGV: id, userPrefix */
const DELETE = new RedisScript(`
local user = redis.call('HGET', KEYS[1], 'u')
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
if user then redis.call('ZREM', ARGV[2] .. user, ARGV[1]) end
return 1
`);

/** KEYS: user, all · ARGV: sessionPrefix, exceptId → how many live sessions went */
const DELETE_BY_USER = new RedisScript(`
local count = 0
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if id ~= ARGV[2] then
    count = count + redis.call('DEL', ARGV[1] .. id)
    redis.call('ZREM', KEYS[1], id)
    redis.call('ZREM', KEYS[2], id)
  end
end
return count
`);

/**
 * KEYS: index · ARGV: sessionPrefix, limit (-1: all) → {id, {field, value, …}, …}, newest first.
 * Pages through the index so that a listing of 50 does not read a million ids.
 */
const LIST = new RedisScript(`
local limit = tonumber(ARGV[2])
local page = 200
local out, stale = {}, {}
local found, start = 0, 0
while limit < 0 or found < limit do
  local ids = redis.call('ZREVRANGE', KEYS[1], start, start + page - 1)
  if #ids == 0 then break end
  for _, id in ipairs(ids) do
    if limit >= 0 and found >= limit then break end
    local fields = redis.call('HGETALL', ARGV[1] .. id)
    if #fields == 0 then
      stale[#stale + 1] = id
    else
      found = found + 1
      out[#out + 1] = id
      out[#out + 1] = fields
    end
  end
  start = start + page
end
for _, id in ipairs(stale) do redis.call('ZREM', KEYS[1], id) end
return out
`);

/** KEYS: lab index · ARGV: sessionPrefix, userPrefix, keep → how many of the oldest sessions went */
const TRIM = new RedisScript(`
local count = 0
for _, id in ipairs(redis.call('ZREVRANGE', KEYS[1], tonumber(ARGV[3]), -1)) do
  local user = redis.call('HGET', ARGV[1] .. id, 'u')
  count = count + redis.call('DEL', ARGV[1] .. id)
  redis.call('ZREM', KEYS[1], id)
  if user then redis.call('ZREM', ARGV[2] .. user, id) end
end
return count
`);

function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}

function date(value: string | undefined): Date | null {
  if (value === undefined || !/^-?\d+$/.test(value)) return null;
  return new Date(Number(value));
}

/** A hash back into a record; anything incomplete counts as missing rather than as a half session. */
function parseRecord(labId: string, id: string, hash: Record<string, string>): SessionRecord | null {
  const createdAt = date(hash.c);
  const lastSeenAt = date(hash.s);
  const idleExpiresAt = date(hash.i);
  const absoluteExpiresAt = date(hash.a);
  if (!hash.u || !createdAt || !lastSeenAt || !idleExpiresAt || !absoluteExpiresAt) return null;
  return { id, labId, userId: hash.u, createdAt, lastSeenAt, idleExpiresAt, absoluteExpiresAt, userAgent: hash.ua ?? null };
}

function parseList(labId: string, reply: unknown): SessionRecord[] {
  if (!Array.isArray(reply)) return [];
  const records: SessionRecord[] = [];
  for (let i = 0; i + 1 < reply.length; i += 2) {
    const id: unknown = reply[i];
    const flat: unknown = reply[i + 1];
    if (typeof id !== "string" || !Array.isArray(flat)) continue;
    const hash: Record<string, string> = {};
    for (let j = 0; j + 1 < flat.length; j += 2) hash[String(flat[j])] = String(flat[j + 1]);
    const record = parseRecord(labId, id, hash);
    if (record) records.push(record);
  }
  return records;
}
