import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRedis, type TestRedis } from "@/test/redis";
import { redisGate, REDIS_TEST_URL } from "@/test/services";
import { TcpProxy, targetOf, viaProxy } from "@/test/tcp-proxy";
import { ApiError, StoreUnavailableError } from "../errors";
import type { RedisBackend } from "../stores/redis-backend";
import { PasswordAttemptLimiter, type PasswordAttempt } from "./rate-limit";

const BUDGET = { ipFailures: 5, accountFailures: 3, accountTotalFailures: 6, windowSeconds: 60 };

/** One attempt: the handle when it may go ahead, the 429 when it may not. */
async function attempt(limiter: PasswordAttemptLimiter, address: string, account: string): Promise<PasswordAttempt | ApiError> {
  return limiter.begin(address, account).catch((error: unknown) => {
    if (error instanceof ApiError) return error;
    throw error;
  });
}

function refused(outcome: PasswordAttempt | ApiError): ApiError | null {
  return outcome instanceof ApiError ? outcome : null;
}

const account = () => `account:${crypto.randomUUID()}@example.test`;
const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** The store behind a limiter, to build another one with other budgets on the same counters' store. */
function limiterOptions(limiter: PasswordAttemptLimiter): { redis?: RedisBackend } {
  return limiter.kind === "redis" ? { redis: sharedRedis() } : {};
}

let sharedRedisBackend: RedisBackend | undefined;
function sharedRedis(): RedisBackend {
  if (!sharedRedisBackend) throw new Error("no Redis backend in this run");
  return sharedRedisBackend;
}

/** The same rules whatever holds the counters. `limiterFor` builds limiters that share one store. */
function limiterCases(name: string, limiterFor: () => PasswordAttemptLimiter) {
  describe(`PasswordAttemptLimiter (${name})`, () => {
    it("refuses an account from one address after its budget, with Retry-After within the window; other accounts are unaffected", async () => {
      const limiter = limiterFor();
      const victim = account();
      const from = address();
      for (let i = 0; i < BUDGET.accountFailures; i++) expect(refused(await attempt(limiter, from, victim))).toBeNull();
      const limited = refused(await attempt(limiter, from, victim));
      expect(limited?.code).toBe("RATE_LIMITED");
      const retryAfter = Number(limited?.headers["Retry-After"]);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(BUDGET.windowSeconds);
      expect(refused(await attempt(limiter, from, account()))).toBeNull();
    });

    it("regression: an attacker at one address cannot lock the owner out: the owner's address has its own budget", async () => {
      const limiter = limiterFor();
      const victim = account();
      const attacker = address();
      for (let i = 0; i < BUDGET.accountFailures + 5; i++) await attempt(limiter, attacker, victim);
      expect(refused(await attempt(limiter, attacker, victim))?.code).toBe("RATE_LIMITED");
      expect(refused(await attempt(limiter, address(), victim))).toBeNull();
    });

    it("a guesser spread over many addresses meets the account's total budget", async () => {
      const limiter = limiterFor();
      const victim = account();
      for (let i = 0; i < BUDGET.accountTotalFailures; i++) expect(refused(await attempt(limiter, address(), victim))).toBeNull();
      expect(refused(await attempt(limiter, address(), victim))?.code).toBe("RATE_LIMITED");
    });

    it("a correct password gives its attempt back and forgets the account's failures from that address", async () => {
      const limiter = limiterFor();
      const user = account();
      const from = address();
      for (let i = 0; i < BUDGET.accountFailures - 1; i++) await attempt(limiter, from, user);
      const right = await attempt(limiter, from, user);
      if (right instanceof ApiError) throw right;
      await right.succeeded();
      // The account starts afresh from there: its whole budget again.
      for (let i = 0; i < BUDGET.accountFailures; i++) expect(refused(await attempt(limiter, from, user))).toBeNull();
    });

    it("refuses an address after its budget, whichever accounts it tried", async () => {
      const limiter = limiterFor();
      const from = address();
      for (let i = 0; i < BUDGET.ipFailures; i++) expect(refused(await attempt(limiter, from, account()))).toBeNull();
      expect(refused(await attempt(limiter, from, account()))?.code).toBe("RATE_LIMITED");
    });

    it("an attempt refused for its account costs the address nothing (no password was checked)", async () => {
      const limiter = limiterFor();
      const locked = account();
      for (let i = 0; i < BUDGET.accountTotalFailures; i++) await attempt(limiter, address(), locked);
      const from = address();
      for (let i = 0; i < BUDGET.ipFailures + 3; i++) expect(refused(await attempt(limiter, from, locked))?.code).toBe("RATE_LIMITED");
      expect(refused(await attempt(limiter, from, account()))).toBeNull();
    });

    it("regression: 50 attempts at once on one account from one address let at most its budget through (consume first, atomically)", async () => {
      const limiter = new PasswordAttemptLimiter({ ...BUDGET, ipFailures: 100, ...limiterOptions(limiterFor()) });
      const victim = account();
      const from = address();
      const outcomes = await Promise.all(Array.from({ length: 50 }, () => attempt(limiter, from, victim)));
      expect(outcomes.filter((o) => !refused(o))).toHaveLength(BUDGET.accountFailures);
      expect(outcomes.filter((o) => refused(o)?.code === "RATE_LIMITED")).toHaveLength(50 - BUDGET.accountFailures);
    });

    it("regression: 50 attempts at once from 50 addresses let at most the account's total through", async () => {
      const limiter = limiterFor();
      const victim = account();
      const outcomes = await Promise.all(Array.from({ length: 50 }, () => attempt(limiter, address(), victim)));
      expect(outcomes.filter((o) => !refused(o))).toHaveLength(BUDGET.accountTotalFailures);
    });

    it("an IPv6 client counts as its /64: rotating the low 64 bits does not buy a new budget", async () => {
      const limiter = limiterFor();
      const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:1`;
      for (let i = 0; i < BUDGET.ipFailures; i++) expect(refused(await attempt(limiter, `${prefix}::${(i + 1).toString(16)}`, account()))).toBeNull();
      expect(refused(await attempt(limiter, `${prefix}:ffff:ffff:ffff:fffe`, account()))?.code).toBe("RATE_LIMITED");
    });
  });
}

limiterCases("memory", () => new PasswordAttemptLimiter(BUDGET));

describe("PasswordAttemptLimiter in memory counts per instance", () => {
  it("a second instance starts with a fresh budget (why several instances need a shared store)", async () => {
    const a = new PasswordAttemptLimiter(BUDGET);
    const b = new PasswordAttemptLimiter(BUDGET);
    const victim = account();
    for (let i = 0; i < BUDGET.accountFailures; i++) await attempt(a, "10.1.0.1", victim);
    expect(refused(await attempt(a, "10.1.0.1", victim))?.code).toBe("RATE_LIMITED");
    expect(refused(await attempt(b, "10.1.0.1", victim))).toBeNull();
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
    sharedRedisBackend = backend;
  });
  afterAll(async () => {
    await testRedis?.close();
  });

  limiterCases("redis", () => new PasswordAttemptLimiter({ ...BUDGET, redis: backend }));

  it("two instances share one budget: attempts on A count on B", async () => {
    const a = new PasswordAttemptLimiter({ ...BUDGET, redis: backend });
    const other = createTestRedis({ prefix: testRedis.prefix });
    try {
      const b = new PasswordAttemptLimiter({ ...BUDGET, redis: other.backend });
      const victim = account();
      for (let i = 0; i < BUDGET.accountFailures; i++) await attempt(a, "10.2.0.1", victim);
      expect(refused(await attempt(b, "10.2.0.1", victim))?.code).toBe("RATE_LIMITED");
      await b.clear();
      expect(refused(await attempt(a, "10.2.0.1", victim))).toBeNull();
    } finally {
      await other.backend.close();
    }
  });

  it("Redis unreachable: the check is refused as unavailable (503) within the bound, never waved through", async () => {
    const proxy = await TcpProxy.start(targetOf(REDIS_TEST_URL));
    const proxied = createTestRedis({ url: viaProxy(REDIS_TEST_URL, proxy), prefix: testRedis.prefix, timeoutMs: 300 });
    try {
      const limiter = new PasswordAttemptLimiter({ ...BUDGET, redis: proxied.backend });
      expect(refused(await attempt(limiter, "10.3.0.1", account()))).toBeNull();
      await proxy.cut();
      const started = performance.now();
      await expect(limiter.begin("10.3.0.1", account())).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      await proxied.backend.close();
      await proxy.close();
    }
  });
});
