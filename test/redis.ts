import { randomBytes } from "node:crypto";
import { RedisBackend } from "@/lib/stores/redis-backend";
import { RELAXED_TIMEOUT_MS } from "./pg-db";
import { deleteRedisKeys } from "../scripts/lib/app-process.mjs";
import { REDIS_TEST_URL } from "./services";

export interface TestRedis {
  backend: RedisBackend;
  /** This run's key prefix: tests share Redis database 3 with nothing else of theirs. */
  prefix: string;
  /** Deletes every key under the prefix. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export function testRedisPrefix(): string {
  return `authlab-test-${randomBytes(5).toString("hex")}:`;
}

/**
 * A {@link RedisBackend} on the test Redis (or on `url`, a proxy in front of it) under a fresh
 * prefix. Like the PostgreSQL test databases, a generous bound unless the test sets its own.
 */
export function createTestRedis(options: { url?: string; prefix?: string; timeoutMs?: number } = {}): TestRedis {
  const prefix = options.prefix ?? testRedisPrefix();
  const backend = new RedisBackend({ url: options.url ?? REDIS_TEST_URL, keyPrefix: prefix, timeoutMs: options.timeoutMs ?? RELAXED_TIMEOUT_MS });
  return {
    backend,
    prefix,
    reset: () => deleteRedisKeys(REDIS_TEST_URL, prefix),
    async close() {
      await deleteRedisKeys(REDIS_TEST_URL, prefix);
      await backend.close();
    },
  };
}
