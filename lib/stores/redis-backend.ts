import "server-only";
import { Redis } from "ioredis";
import { countStoreQuery } from "../trace/context";
import { storeUnavailable } from "./store-errors";

export interface RedisBackendOptions {
  url: string;
  /** Every key this backend writes starts with it (`authlab:` by default). */
  keyPrefix: string;
  /** Bound on one operation, waiting for a connection included. */
  timeoutMs: number;
}

/** Reconnect delay: quick at first, then once a second for as long as Redis is away. */
const MAX_RECONNECT_DELAY_MS = 1000;

/**
 * One Redis connection shared by the Redis stores (sessions, denylist, rate-limit counters), with
 * the failure behaviour docs/SECURITY.md "Stores and outages" ask for:
 * - every operation is bounded: at most ~40 % of `timeoutMs` waiting for a connection that is being
 *   made, the rest for the reply (ioredis `commandTimeout`);
 * - nothing is queued while disconnected (`enableOfflineQueue: false`) and nothing is retried
 *   (`maxRetriesPerRequest: 0`): a request fails at once instead of hanging until Redis returns;
 * - any failure to reach Redis becomes `StoreUnavailableError` (→ 503 + Retry-After), never "not
 *   found" (→ 401, which would log people out);
 * - ioredis reconnects in the background, so the same cookies work again as soon as Redis is back.
 */
export class RedisBackend {
  readonly client: Redis;
  readonly keyPrefix: string;
  private readonly readyWaitMs: number;
  private connecting: Promise<void> | null = null;

  constructor(options: RedisBackendOptions) {
    this.keyPrefix = options.keyPrefix;
    this.readyWaitMs = Math.max(10, Math.floor(options.timeoutMs * 0.4));
    this.client = new Redis(options.url, {
      lazyConnect: true,
      connectTimeout: this.readyWaitMs,
      commandTimeout: Math.max(10, options.timeoutMs - this.readyWaitMs),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => Math.min(times * 100, MAX_RECONNECT_DELAY_MS),
    });
    // Without a listener ioredis prints every failed reconnect attempt. An outage is reported where
    // it matters: as a 503 on each request that needs Redis, and by the lab's health endpoint.
    this.client.on("error", () => undefined);
  }

  /** `authlab:` + `session:abc` → `authlab:session:abc`. */
  key(suffix: string): string {
    return `${this.keyPrefix}${suffix}`;
  }

  /**
   * Runs one store operation: counted once on the request's trace, bounded in time, and an
   * unreachable Redis turned into `StoreUnavailableError`. A Redis *reply* error (wrong type, bad
   * script) is a bug and is rethrown as is: a 500, not a 503.
   */
  async run<T>(operation: (client: Redis) => Promise<T>): Promise<T> {
    countStoreQuery();
    try {
      await this.ready();
      return await operation(this.client);
    } catch (error) {
      if (error instanceof Error && error.name === "ReplyError") throw error;
      // Retry-After: about one reconnect cycle (store-errors.ts).
      throw storeUnavailable("redis", error);
    }
  }

  /** Round-trip time of a PING in ms; throws `StoreUnavailableError` when Redis does not answer in time. */
  async ping(): Promise<number> {
    const started = performance.now();
    await this.run((client) => client.ping());
    return performance.now() - started;
  }

  async close(): Promise<void> {
    this.client.disconnect(false);
  }

  private ready(): Promise<void> {
    const status = this.client.status;
    if (status === "ready") return Promise.resolve();
    if (status === "reconnecting" || status === "close" || status === "end") {
      // Known to be down (ioredis retries in the background): fail fast rather than pile requests up.
      return Promise.reject(new Error(`redis connection is ${status}`));
    }
    if (status === "wait") this.client.connect().catch(() => undefined);
    this.connecting ??= new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        this.client.off("ready", onReady).off("error", onError).off("end", onEnd);
        this.connecting = null;
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => settle();
      const onError = (error: Error) => settle(error);
      const onEnd = () => settle(new Error("redis connection ended"));
      this.client.once("ready", onReady).once("error", onError).once("end", onEnd);
    });
    return withTimeout(this.connecting, this.readyWaitMs, `no redis connection within ${this.readyWaitMs} ms`);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
