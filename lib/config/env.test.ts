import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "../errors";
import { appEnv, resetAppEnvForTests } from "./env";

const VARS = ["SESSION_STORE", "DENYLIST_STORE", "RATE_LIMIT_STORE", "REDIS_URL", "STORE_TIMEOUT_MS"] as const;

function withEnv(values: Partial<Record<(typeof VARS)[number], string>>) {
  for (const name of VARS) delete process.env[name];
  Object.assign(process.env, values);
  resetAppEnvForTests();
  return () => appEnv();
}

afterEach(() => {
  for (const name of VARS) delete process.env[name];
  resetAppEnvForTests();
});

describe("store selection from the environment", () => {
  it("defaults: sessions and denylist in the database, rate limits in memory, no Redis, a 1000 ms store bound (a cold query on a busy machine must not count as an outage)", () => {
    expect(withEnv({})()).toMatchObject({
      stores: { session: "database", denylist: "database", rateLimit: "memory" },
      redisUrl: null,
      storeTimeoutMs: 1000,
      defaults: { sessionStore: "database" },
    });
  });

  it("everything in Redis when REDIS_URL is set", () => {
    const env = withEnv({ SESSION_STORE: "redis", DENYLIST_STORE: "redis", RATE_LIMIT_STORE: "redis", REDIS_URL: "redis://127.0.0.1:6379/0" })();
    expect(env.stores).toEqual({ session: "redis", denylist: "redis", rateLimit: "redis" });
    expect(env.defaults.sessionStore).toBe("redis");
  });

  it.each([
    [{ SESSION_STORE: "redis" }, /SESSION_STORE=redis needs REDIS_URL/],
    [{ DENYLIST_STORE: "redis", RATE_LIMIT_STORE: "redis" }, /DENYLIST_STORE=redis, RATE_LIMIT_STORE=redis needs REDIS_URL; set it, e\.g\. REDIS_URL=redis:\/\//],
    [{ SESSION_STORE: "mongo" }, /SESSION_STORE must be one of memory, database, redis \(got "mongo"\)/],
    [{ RATE_LIMIT_STORE: "database" }, /RATE_LIMIT_STORE must be one of memory, redis/],
    [{ REDIS_URL: "http://localhost:6379" }, /REDIS_URL must start with redis:\/\/ or rediss:\/\//],
    [{ STORE_TIMEOUT_MS: "0" }, /STORE_TIMEOUT_MS must be a whole number from 50 to 10000/],
  ])("refuses to start with %j, naming the variable and the fix", (values, message) => {
    const read = withEnv(values);
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });

  it("never prints a Redis password it refuses", () => {
    expect(withEnv({ REDIS_URL: "http://user:s3cret@host:6379" })).toThrow(/^(?!.*s3cret)/s);
  });
});
