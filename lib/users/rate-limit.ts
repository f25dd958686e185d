import "server-only";
import { limitKeyForAddress } from "../../scripts/lib/client-address.mjs";
import { appEnv } from "../config/env";
import { ApiError } from "../errors";
import type { RedisBackend } from "../stores/redis-backend";
import { redisBackend } from "../stores/redis-connection";
import { Budget, type Spent } from "./budget";

export interface PasswordAttemptLimiterOptions {
  /** Password checks one client address may have in a window (every account together). */
  ipFailures: number;
  /** Password checks of one account from one address in a window (login and password change together). */
  accountFailures: number;
  /**
   * Password checks of one account from all addresses together in a window: what a distributed
   * guesser gets. (Several times the per-address budget, so that one attacker's address alone can
   * never lock the owner out: the owner's address has a budget of its own.)
   */
  accountTotalFailures: number;
  windowSeconds: number;
  /** Keep the counters in Redis, shared by every instance; in this process's memory when absent. */
  redis?: RedisBackend;
}

/** A password check that was allowed to run. Report a success: it gives its attempt back. */
export interface PasswordAttempt {
  succeeded(): Promise<void>;
}

/**
 * Limits password checks (login, password change, the instructor's admin sign-in) per client
 * address and per account.
 *
 * Consume first, then verify: each attempt spends its point *before* the password is hashed, with
 * one atomic operation per budget (rate-limiter-flexible's `consume`: a synchronous update in
 * memory, one Lua script in Redis). So however many wrong passwords arrive at once, at most the
 * budget of them is ever checked; the rest get 429 without any hashing. A correct password gives
 * its points back (the account's failures are forgotten), so a user who knows their password is
 * never slowed down by their own logins.
 *
 * The account's budget counts per account *and address*, with a larger total per account beside
 * it: an attacker at one address spends only its own budget for that account, so it cannot lock
 * the owner (at another address) out at all; only a guesser spread over many addresses meets the
 * total, and that lasts one window. Runs on real time: the demo clock never shortens it.
 *
 * In memory each instance counts on its own (N instances, N budgets); in Redis every instance
 * shares one count. A Redis that cannot be reached is a 503 (`StoreUnavailableError`), never a
 * skipped limit.
 */
export class PasswordAttemptLimiter {
  readonly kind: "memory" | "redis";
  private readonly byAddress: Budget;
  private readonly byAccountFromAddress: Budget;
  private readonly byAccount: Budget;

  constructor(private readonly options: PasswordAttemptLimiterOptions) {
    const { ipFailures, accountFailures, accountTotalFailures, windowSeconds, redis } = options;
    this.kind = redis ? "redis" : "memory";
    this.byAddress = new Budget({ name: "password-ip", points: ipFailures, windowSeconds, redis });
    this.byAccountFromAddress = new Budget({ name: "password-account-ip", points: accountFailures, windowSeconds, redis });
    this.byAccount = new Budget({ name: "password-account", points: accountTotalFailures, windowSeconds, redis });
  }

  /**
   * Spends one attempt from the address's budget, then one from the account's; throws 429
   * `RATE_LIMITED` with Retry-After when either is spent. `account` names the account however the
   * caller knows it (an email at login, the same email at a password change), so both paths share
   * one budget.
   */
  async begin(clientAddress: string, account: string): Promise<PasswordAttempt> {
    const address = limitKeyForAddress(clientAddress);
    const pair = `${account}|${address}`;
    refuseWhenSpent(await this.byAddress.spend(address));
    const fromHere = await this.byAccountFromAddress.spend(pair);
    if (!fromHere.ok) {
      // Nothing was checked: this attempt must not cost the address its budget too.
      await this.byAddress.refund(address);
      refuseWhenSpent(fromHere);
    }
    const total = await this.byAccount.spend(account);
    if (!total.ok) {
      await Promise.all([this.byAddress.refund(address), this.byAccountFromAddress.refund(pair)]);
      refuseWhenSpent(total);
    }
    return {
      succeeded: async () => {
        await Promise.all([this.byAccountFromAddress.forget(pair), this.byAccount.refund(account), this.byAddress.refund(address)]);
      },
    };
  }

  /** Forgets every counter (tests, a whole-server reset). In Redis that deletes the counters of every instance. */
  async clear(): Promise<void> {
    const redis = this.options.redis;
    if (!redis) return;
    await redis.run(async (client) => {
      let cursor = "0";
      do {
        const [next, keys] = await client.scan(cursor, "MATCH", `${redis.key("rl:password-")}*`, "COUNT", 1000);
        if (keys.length > 0) await client.unlink(...keys);
        cursor = next;
      } while (cursor !== "0");
    });
  }
}

function refuseWhenSpent(spent: Spent): void {
  if (spent.ok) return;
  throw new ApiError("RATE_LIMITED", { headers: { "Retry-After": String(spent.retryAfterSeconds) }, details: { retryAfterSeconds: spent.retryAfterSeconds } });
}

// One limiter per process, on globalThis: each route is bundled separately, and per-bundle
// counters would give an attacker a fresh budget on every endpoint that checks a password.
const shared = globalThis as typeof globalThis & { __authlabPasswordLimiter?: PasswordAttemptLimiter };

export function passwordAttemptLimiter(): PasswordAttemptLimiter {
  const { rateLimit, stores } = appEnv();
  shared.__authlabPasswordLimiter ??= new PasswordAttemptLimiter({ ...rateLimit, redis: stores.rateLimit === "redis" ? redisBackend() : undefined });
  return shared.__authlabPasswordLimiter;
}

export async function resetPasswordAttemptLimiter(): Promise<void> {
  await shared.__authlabPasswordLimiter?.clear();
  shared.__authlabPasswordLimiter = undefined;
}
