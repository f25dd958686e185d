import "server-only";
import { appEnv } from "../config/env";
import { getPrisma } from "../db/client";
import { databaseKind } from "../db/database-url";
import { StoreUnavailableError } from "../errors";
import type { Settings } from "../settings/schema";
import { redisBackend } from "./redis-connection";
import { storeOp } from "./store-errors";
import type { StoreKind } from "./types";

export interface StoreHealth {
  kind: StoreKind;
  /** What actually holds the data: `memory`, `sqlite`, `postgres` or `redis`. */
  engine: "memory" | "sqlite" | "postgres" | "redis";
  ok: boolean;
  /** Round trip of the probe (SELECT 1, PING), or until it failed; 0 for memory. */
  latencyMs: number;
  error?: "STORE_UNAVAILABLE";
}

async function probe(kind: StoreKind): Promise<StoreHealth> {
  if (kind === "memory") return { kind, engine: "memory", ok: true, latencyMs: 0 };
  const engine = kind === "redis" ? "redis" : databaseKind();
  const started = performance.now();
  try {
    if (kind === "redis") await redisBackend().ping();
    else await storeOp("database", () => getPrisma().$queryRawUnsafe("SELECT 1"));
    return { kind, engine, ok: true, latencyMs: round(performance.now() - started) };
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    return { kind, engine, ok: false, latencyMs: round(performance.now() - started), error: "STORE_UNAVAILABLE" };
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/**
 * Is each store this server uses reachable right now, and how fast? Each backend is probed once
 * (within the same bound as any store operation) and the answer shared by the roles it plays.
 */
export async function storeHealth(settings: Pick<Settings, "sessionStore">) {
  const env = appEnv();
  const roles = { session: settings.sessionStore, denylist: env.stores.denylist, rateLimit: env.stores.rateLimit, database: "database" } as const;
  const kinds = [...new Set<StoreKind>(Object.values(roles))];
  const results = new Map<StoreKind, StoreHealth>(await Promise.all(kinds.map(async (kind) => [kind, await probe(kind)] as const)));
  const of = (kind: StoreKind): StoreHealth => results.get(kind) ?? { kind, engine: "memory", ok: false, latencyMs: 0 };
  return {
    session: of(roles.session),
    denylist: of(roles.denylist),
    rateLimit: of(roles.rateLimit),
    /** Users, refresh-token families and settings. */
    database: of(roles.database),
  };
}
