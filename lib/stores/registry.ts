import "server-only";
import { appEnv } from "../config/env";
import { getPrisma } from "../db/client";
import { getHotReads } from "../db/hot-reads";
import { ChallengeStore } from "./challenge-store";
import { EventStore } from "./event-store";
import { LabStore } from "./lab-store";
import { MemorySessionStore } from "./memory-session-store";
import { PrismaDenylistStore } from "./prisma-denylist-store";
import { PrismaSessionStore } from "./prisma-session-store";
import { UserStore } from "./prisma-user-store";
import { RedisDenylistStore } from "./redis-denylist-store";
import { redisBackend } from "./redis-connection";
import { RedisSessionStore } from "./redis-session-store";
import { RefreshStore } from "./refresh-store";
import { ServerSettingsStore } from "./server-settings-store";
import { sessionStoreProvider, type SessionStoreProvider } from "./session-store-provider";
import type { DenylistStore, SessionStore, StoreKind } from "./types";

/**
 * Every store this process has, built once from the environment: the only place that hands out the
 * database client (an ESLint rule keeps `lib/db/client` out of everything but lib/stores and lib/db),
 * so every database access goes through a store, counted on the trace and bounded like any other.
 */
export interface Stores {
  /** The session stores this server can switch between; the operator's `sessionStore` setting picks one. */
  sessionStores: SessionStoreProvider;
  denylist: DenylistStore;
  users: UserStore;
  refresh: RefreshStore;
  events: EventStore;
  labs: LabStore;
  /** Which challenges each lab has solved (lib/challenges). */
  challenges: ChallengeStore;
  serverSettings: ServerSettingsStore;
}

function build(): Stores {
  const env = appEnv();
  const db = getPrisma();
  const reads = getHotReads();
  const sessions: Partial<Record<StoreKind, SessionStore>> = {
    memory: new MemorySessionStore(),
    database: new PrismaSessionStore(db, reads),
  };
  if (env.redisUrl) sessions.redis = new RedisSessionStore(redisBackend());
  return {
    sessionStores: sessionStoreProvider(sessions, env.stores.session),
    denylist: env.stores.denylist === "redis" ? new RedisDenylistStore(redisBackend()) : new PrismaDenylistStore(db),
    users: new UserStore(db, reads),
    refresh: new RefreshStore(db),
    events: new EventStore(db),
    labs: new LabStore(db),
    challenges: new ChallengeStore(db),
    serverSettings: new ServerSettingsStore(db),
  };
}

// On globalThis: Next bundles the proxy and each route separately, and they must share one set of
// stores (one memory session store above all, or a session made in one bundle is missing in the next).
const shared = globalThis as typeof globalThis & { __authlabStores?: Stores };

export function stores(): Stores {
  shared.__authlabStores ??= build();
  return shared.__authlabStores;
}

export const labStore = (): LabStore => stores().labs;
export const serverSettingsStore = (): ServerSettingsStore => stores().serverSettings;
