import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RedisBackend } from "../stores/redis-backend";

export type Spent = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A budget of attempts per key and window (rate-limiter-flexible), spent atomically: a synchronous
 * update in memory, one Lua script in Redis. Spending first and acting after means N requests at
 * once can never get more than the budget through. In Redis every instance shares one count; a
 * Redis that cannot be reached is a `StoreUnavailableError` (a 503), never a skipped limit.
 */
export class Budget {
  private readonly limiter: RateLimiterAbstract;
  private readonly guard: <T>(operation: () => Promise<T>) => Promise<T>;

  constructor(options: { name: string; points: number; windowSeconds: number; redis?: RedisBackend }) {
    const { name, points, windowSeconds, redis } = options;
    if (redis) {
      this.limiter = new RateLimiterRedis({ storeClient: redis.client, keyPrefix: redis.key(`rl:${name}`), points, duration: windowSeconds });
      this.guard = (operation) => redis.run(operation);
    } else {
      this.limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: windowSeconds });
      this.guard = (operation) => operation();
    }
  }

  /** Spends one point of `key`'s budget, or says how long until there is one again. */
  async spend(key: string): Promise<Spent> {
    // rate-limiter-flexible rejects with its result object when the budget is spent: that is an
    // answer, not a store failure, so it comes back as a value through the store guard.
    const refused = await this.guard(() =>
      this.limiter.consume(key, 1).then(
        () => null,
        (error: unknown) => {
          if (error instanceof RateLimiterRes) return error;
          throw error;
        },
      ),
    );
    return refused ? { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)) } : { ok: true };
  }

  /** Gives one point back (the attempt did not happen, or succeeded and must not count). */
  async refund(key: string): Promise<void> {
    await this.guard(() => this.limiter.reward(key, 1));
  }

  /** Forgets `key`'s spending altogether. */
  async forget(key: string): Promise<void> {
    await this.guard(() => this.limiter.delete(key));
  }
}
