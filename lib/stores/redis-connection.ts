import "server-only";
import { appEnv } from "../config/env";
import { ConfigError } from "../errors";
import { RedisBackend } from "./redis-backend";

// On globalThis: Next bundles the proxy and each route separately, and one connection per bundle
// would multiply connections (and split the reconnect state the health endpoint reports).
const shared = globalThis as typeof globalThis & { __authlabRedis?: RedisBackend };

/** True when REDIS_URL is set, so the Redis stores can be chosen. */
export function redisConfigured(): boolean {
  return appEnv().redisUrl !== null;
}

/** The process-wide connection to REDIS_URL, created on first use. */
export function redisBackend(): RedisBackend {
  if (shared.__authlabRedis) return shared.__authlabRedis;
  const env = appEnv();
  if (!env.redisUrl) throw new ConfigError("a Redis store was chosen but REDIS_URL is not set; set it, e.g. REDIS_URL=redis://127.0.0.1:6379/0");
  shared.__authlabRedis = new RedisBackend({ url: env.redisUrl, keyPrefix: env.redisKeyPrefix, timeoutMs: env.storeTimeoutMs });
  return shared.__authlabRedis;
}
