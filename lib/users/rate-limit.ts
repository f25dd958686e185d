import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { appEnv } from "../config/env";
import { ApiError } from "../errors";

/**
 * Failed logins are limited per IP and per account. Only failures count, so a user who knows
 * their password is never slowed down by their own logins; a limit lasts one window at most, so
 * an attacker can delay an account's login but never lock it out for good. Runs on real time:
 * the demo clock never shortens it.
 */
class LoginLimiter {
  private readonly byIp: RateLimiterMemory;
  private readonly byAccount: RateLimiterMemory;

  constructor(ipFailures: number, accountFailures: number, windowSeconds: number) {
    this.byIp = new RateLimiterMemory({ keyPrefix: "login-ip", points: ipFailures, duration: windowSeconds });
    this.byAccount = new RateLimiterMemory({ keyPrefix: "login-account", points: accountFailures, duration: windowSeconds });
  }

  /** Throws 429 with Retry-After when either budget is spent. */
  async assertAllowed(ip: string, email: string): Promise<void> {
    const [ipState, accountState] = await Promise.all([this.byIp.get(ip), this.byAccount.get(email)]);
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
    await Promise.all([this.byIp.penalty(ip, 1), this.byAccount.penalty(email, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }

}

// One limiter per process, on globalThis: each route is bundled separately, and per-bundle
// counters would give an attacker a fresh budget on every login endpoint.
const shared = globalThis as typeof globalThis & { __authlabLoginLimiter?: LoginLimiter };

export function loginLimiter(): LoginLimiter {
  const { ipFailures, accountFailures, windowSeconds } = appEnv().rateLimit;
  shared.__authlabLoginLimiter ??= new LoginLimiter(ipFailures, accountFailures, windowSeconds);
  return shared.__authlabLoginLimiter;
}

/** Forgets every counter (demo reset, tests). */
export function resetLoginLimiter(): void {
  shared.__authlabLoginLimiter = undefined;
}
