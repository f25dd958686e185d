import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRedis, type TestRedis } from "@/test/redis";
import { redisGate, REDIS_TEST_URL } from "@/test/services";
import { TcpProxy, targetOf, viaProxy } from "@/test/tcp-proxy";
import { ApiError, StoreUnavailableError } from "../errors";
import type { RedisBackend } from "../stores/redis-backend";
import { LoginLimiter } from "./rate-limit";

const BUDGET = { ipFailures: 5, accountFailures: 3, windowSeconds: 60 };

async function refusal(limiter: LoginLimiter, ip: string, email: string): Promise<ApiError | null> {
  return limiter.assertAllowed(ip, email).then(
    () => null,
    (error: unknown) => {
      if (error instanceof ApiError) return error;
      throw error;
    },
  );
}

/** The same rules whatever holds the counters. `instances` builds limiters that share one store. */
function limiterCases(name: string, limiterFor: () => LoginLimiter) {
  describe(`LoginLimiter (${name})`, () => {
    it("refuses an account after its failure budget, with Retry-After within the window; other accounts are unaffected", async () => {
      const limiter = limiterFor();
      const email = `${crypto.randomUUID()}@example.test`;
      for (let i = 0; i < BUDGET.accountFailures; i++) {
        expect(await refusal(limiter, "10.0.0.1", email)).toBeNull();
        await limiter.recordFailure("10.0.0.1", email);
      }
      const refused = await refusal(limiter, "10.0.0.2", email);
      expect(refused?.code).toBe("RATE_LIMITED");
      const retryAfter = Number(refused?.headers["Retry-After"]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(BUDGET.windowSeconds);
      expect(await refusal(limiter, "10.0.0.2", `${crypto.randomUUID()}@example.test`)).toBeNull();
    });

    it("a successful login forgets the account's failures", async () => {
      const limiter = limiterFor();
      const email = `${crypto.randomUUID()}@example.test`;
      for (let i = 0; i < BUDGET.accountFailures - 1; i++) await limiter.recordFailure("10.0.1.1", email);
      await limiter.recordSuccess(email);
      await limiter.recordFailure("10.0.1.1", email);
      expect(await refusal(limiter, "10.0.1.1", email)).toBeNull();
    });

    it("refuses an IP after its budget, whichever accounts it tried", async () => {
      const limiter = limiterFor();
      const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < BUDGET.ipFailures; i++) await limiter.recordFailure(ip, `${crypto.randomUUID()}@example.test`);
      expect((await refusal(limiter, ip, `${crypto.randomUUID()}@example.test`))?.code).toBe("RATE_LIMITED");
    });
  });
}

limiterCases("memory", () => new LoginLimiter(BUDGET));

describe("LoginLimiter in memory counts per instance", () => {
  it("a second instance starts with a fresh budget (why several instances need a shared store)", async () => {
    const a = new LoginLimiter(BUDGET);
    const b = new LoginLimiter(BUDGET);
    for (let i = 0; i < BUDGET.accountFailures; i++) await a.recordFailure("10.1.0.1", "victim@example.test");
    expect((await refusal(a, "10.1.0.1", "victim@example.test"))?.code).toBe("RATE_LIMITED");
    expect(await refusal(b, "10.1.0.1", "victim@example.test")).toBeNull();
  });
});

const redis = await redisGate("rate-limit.test");
describe.skipIf(redis.skip)("with Redis", () => {
  let testRedis: TestRedis;
  let backend: RedisBackend;
  beforeAll(() => {
    redis.require();
    testRedis = createTestRedis();
    backend = testRedis.backend;
  });
  afterAll(async () => {
    await testRedis?.close();
  });

  limiterCases("redis", () => new LoginLimiter({ ...BUDGET, redis: backend }));

  it("two instances share one budget: failures on A count on B", async () => {
    const a = new LoginLimiter({ ...BUDGET, redis: backend });
    const other = createTestRedis({ prefix: testRedis.prefix });
    try {
      const b = new LoginLimiter({ ...BUDGET, redis: other.backend });
      const email = `${crypto.randomUUID()}@example.test`;
      for (let i = 0; i < BUDGET.accountFailures; i++) await a.recordFailure("10.2.0.1", email);
      expect((await refusal(b, "10.2.0.2", email))?.code).toBe("RATE_LIMITED");
      await b.clear();
      expect(await refusal(a, "10.2.0.1", email)).toBeNull();
    } finally {
      await other.backend.close();
    }
  });

  it("Redis unreachable: login is refused as unavailable (503) within the bound, never waved through", async () => {
    const proxy = await TcpProxy.start(targetOf(REDIS_TEST_URL));
    const proxied = createTestRedis({ url: viaProxy(REDIS_TEST_URL, proxy), prefix: testRedis.prefix, timeoutMs: 300 });
    try {
      const limiter = new LoginLimiter({ ...BUDGET, redis: proxied.backend });
      expect(await refusal(limiter, "10.3.0.1", "someone@example.test")).toBeNull();
      await proxy.cut();
      const started = performance.now();
      await expect(limiter.assertAllowed("10.3.0.1", "someone@example.test")).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(limiter.recordFailure("10.3.0.1", "someone@example.test")).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      await proxied.backend.close();
      await proxy.close();
    }
  });
});
