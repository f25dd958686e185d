import "server-only";
import { limitKeyForAddress } from "../../scripts/lib/client-address.mjs";
import { appEnv } from "../config/env";
import { ApiError } from "../errors";
import { redisBackend } from "../stores/redis-connection";
import { Budget } from "./budget";

/**
 * Expensive actions anyone may start, limited per client address and hour: a registration (an
 * argon2id hash, ~50 ms of CPU) and a lab measurement (hundreds of requests). One attacker must not
 * be able to load the server for a whole class.
 */
export type AddressBudget = "registration" | "measurement";

const WINDOW_SECONDS = 3600;

const shared = globalThis as typeof globalThis & { __authlabAddressBudgets?: Map<AddressBudget, Budget> };
const budgets = (shared.__authlabAddressBudgets ??= new Map());

function budget(kind: AddressBudget): Budget {
  let found = budgets.get(kind);
  if (!found) {
    const env = appEnv();
    const points = kind === "registration" ? env.rateLimit.registrationsPerAddress : env.rateLimit.measurementsPerAddress;
    found = new Budget({ name: kind, points, windowSeconds: WINDOW_SECONDS, redis: env.stores.rateLimit === "redis" ? redisBackend() : undefined });
    budgets.set(kind, found);
  }
  return found;
}

/** Spends one of the address's `kind` budget, or throws 429 RATE_LIMITED with Retry-After. */
export async function spendAddressBudget(kind: AddressBudget, clientAddress: string): Promise<void> {
  const spent = await budget(kind).spend(limitKeyForAddress(clientAddress));
  if (!spent.ok) throw new ApiError("RATE_LIMITED", { headers: { "Retry-After": String(spent.retryAfterSeconds) }, details: { retryAfterSeconds: spent.retryAfterSeconds, limit: kind } });
}
