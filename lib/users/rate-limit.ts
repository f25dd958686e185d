import "server-only";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { appEnv } from "../config/env";
import { ApiError } from "../errors";
import type { RedisBackend } from "../stores/redis-backend";
import { redisBackend } from "../stores/redis-connection";

export interface LoginLimiterOptions {
  ipFailures: number;
  accountFailures: number;
  windowSeconds: number;
  /** Keep the counters in Redis, shared by every instance; in this process's memory when absent. */
  redis?: RedisBackend;
}

/**
 * Failed logins are limited per IP and per account. Only failures count, so a user who knows
 * their password is never slowed down by their own logins; a limit lasts one window at most, so
 * an attacker can delay an account's login but never lock it out for good. Runs on real time:
 * the demo clock never shortens it.
 *
 * In memory, each instance counts on its own (an attacker spreading attempts over N instances gets
 * N budgets); in Redis, every instance shares one count. A Redis that cannot be reached makes
 * login answer 503 (`StoreUnavailableError`) rather than skip the limit.
 */
export class LoginLimiter {
  readonly kind: "memory" | "redis";
  private readonly byIp: RateLimiterAbstract;
  private readonly byAccount: RateLimiterAbstract;
  private readonly guard: <T>(operation: () => Promise<T>) => Promise<T>;

  constructor(private readonly options: LoginLimiterOptions) {
    const { ipFailures, accountFailures, windowSeconds, redis } = options;
    if (redis) {
      this.kind = "redis";
      const store = (keyPrefix: string, points: number) =>
        new RateLimiterRedis({ storeClient: redis.client, keyPrefix: redis.key(keyPrefix), points, duration: windowSeconds });
      this.byIp = store("rl:login-ip", ipFailures);
      this.byAccount = store("rl:login-account", accountFailures);
      this.guard = (operation) => redis.run(operation);
    } else {
      this.kind = "memory";
      this.byIp = new RateLimiterMemory({ keyPrefix: "login-ip", points: ipFailures, duration: windowSeconds });
      this.byAccount = new RateLimiterMemory({ keyPrefix: "login-account", points: accountFailures, duration: windowSeconds });
      this.guard = (operation) => operation();
    }
  }

  /** Throws 429 with Retry-After when either budget is spent. */
  async assertAllowed(ip: string, email: string): Promise<void> {
    const [ipState, accountState] = await Promise.all([this.guard(() => this.byIp.get(ip)), this.guard(() => this.byAccount.get(email))]);
    const blockedMs = Math.max(
      ipState && ipState.consumedPoints >= this.byIp.points ? ipState.msBeforeNext : 0,
      accountState && accountState.consumedPoints >= this.byAccount.points ? accountState.msBeforeNext : 0,
    );
    if (blockedMs > 0) {
      const retryAfter = Math.max(1, Math.ceil(blockedMs / 1000));
      throw new ApiError("RATE_LIMITED", { headers: { "Retry-After": String(retryAfter) }, details: { retryAfterSeconds: retryAfter } });
    }
  }

  async recordFailure(ip: string, email: string): Promise<void> {
    await Promise.all([this.guard(() => this.byIp.penalty(ip, 1)), this.guard(() => this.byAccount.penalty(email, 1))]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.guard(() => this.byAccount.delete(email));
  }

  /** Forgets every counter (demo reset). In Redis that deletes the counters of every instance. */
  async clear(): Promise<void> {
    const redis = this.options.redis;
    if (!redis) return;
    await redis.run(async (client) => {
      let cursor = "0";
      do {
        const [next, keys] = await client.scan(cursor, "MATCH", `${redis.key("rl:")}*`, "COUNT", 1000);
        if (keys.length > 0) await client.unlink(...keys);
        cursor = next;
      } while (cursor !== "0");
    });
  }
}

// One limiter per process, on globalThis: each route is bundled separately, and per-bundle
// counters would give an attacker a fresh budget on every login endpoint.
const shared = globalThis as typeof globalThis & { __authlabLoginLimiter?: LoginLimiter };

export function loginLimiter(): LoginLimiter {
  const { rateLimit, stores } = appEnv();
  shared.__authlabLoginLimiter ??= new LoginLimiter({ ...rateLimit, redis: stores.rateLimit === "redis" ? redisBackend() : undefined });
  return shared.__authlabLoginLimiter;
}

/** Forgets every counter (demo reset, tests). */
export async function resetLoginLimiter(): Promise<void> {
  await shared.__authlabLoginLimiter?.clear();
  shared.__authlabLoginLimiter = undefined;
}
